// The one place a count chooses its noun: "1 position", "2 positions", "1 day", "0 days".

/** The noun for `count`: `one` for exactly 1, else `many` (by default `one` + "s"). */
export function countWord(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** The count, grouped in the runtime's locale, and its noun: "1 position", "1,204 positions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${countWord(count, one, many)}`;
}
