import type { Transaction, TransactionType } from '../domain/transaction';

// The order records of one day apply in (docs/engine.md, "Same-day order"):
//   1. by type group: splits (they take effect at the open), then acquisitions (buy), then
//      transfers out, then transfers in (so a transfer in can pick up what a transfer out of the
//      same day released), then disposals (sell), then cash-only records;
//   2. within a group, records with a time in time order, then records without one;
//   3. then entry order (id).
// Putting a day's buys before its sells means a sale is never refused for want of shares a
// same-day buy provides, and the result does not depend on which of the pair was typed first.
export const SAME_DAY_GROUP: Readonly<Record<TransactionType, number>> = {
  split: 0,
  buy: 1,
  transfer_out: 2,
  transfer_in: 3,
  sell: 4,
  dividend: 5,
  interest: 5,
  fee: 5,
  tax: 5,
  deposit: 5,
  withdrawal: 5,
};

// Group numbers run 0 … GROUP_SLOTS − 1; an unknown type (refused later, by the parser) takes the last.
const GROUP_SLOTS = 10;

// Untimed records sort after every HH:MM.
const UNTIMED = '~';

/** A new array in application order; the input is not touched. */
export function sortForLedger<T extends Transaction>(transactions: readonly T[]): T[] {
  const n = transactions.length;
  if (datesAscend(transactions)) {
    // The store returns records by date: only each day's few records need ordering.
    const out: T[] = [];
    const days = new DayOrder();
    for (let start = 0; start < n;) {
      const end = dayEnd(transactions, start);
      for (const i of days.order(transactions, start, end)) out.push(transactions[i] as T);
      start = end;
    }
    return out;
  }
  const groups = new Uint8Array(n);
  const times: string[] = new Array<string>(n);
  const ids = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tx = transactions[i] as T;
    groups[i] = SAME_DAY_GROUP[tx.type] ?? 9;
    times[i] = tx.time ?? UNTIMED;
    ids[i] = tx.id;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const da = (transactions[a] as T).date;
    const db = (transactions[b] as T).date;
    return da !== db ? (da < db ? -1 : 1) : compareWithinDay(groups, times, ids, a, b);
  });
  return order.map((i) => transactions[i] as T);
}

/** Whether every record's date is on or after the one before it. */
export function datesAscend(transactions: readonly Transaction[], from = 0): boolean {
  for (let i = from + 1; i < transactions.length; i++) {
    if ((transactions[i] as Transaction).date < (transactions[i - 1] as Transaction).date) return false;
  }
  return true;
}

/** Where the run of records dated like transactions[start] ends. */
export function dayEnd(transactions: readonly Transaction[], start: number): number {
  const date = (transactions[start] as Transaction).date;
  let end = start + 1;
  while (end < transactions.length && (transactions[end] as Transaction).date === date) end++;
  return end;
}

/**
 * Puts one day's records in application order at a time, reusing its arrays from day to day:
 * a counting pass by type group (stable, so entry order survives) does most of it, and times
 * and ids, usually in order already, are sorted only where they are not.
 */
export class DayOrder {
  private groups = new Uint8Array(64);
  private ids = new Float64Array(64);
  private readonly times: string[] = [];
  private readonly counts = new Int32Array(GROUP_SLOTS + 1);
  private readonly day: number[] = [];

  /** Positions start … end − 1 of `transactions` (one day's) in application order; valid until the next call. */
  order(transactions: readonly Transaction[], start: number, end: number): readonly number[] {
    const size = end - start;
    if (size > this.groups.length) {
      this.groups = new Uint8Array(size * 2);
      this.ids = new Float64Array(size * 2);
    }
    const { groups, ids, times, counts, day } = this;
    counts.fill(0);
    for (let i = 0; i < size; i++) {
      const tx = transactions[start + i] as Transaction;
      const group = SAME_DAY_GROUP[tx.type] ?? 9;
      groups[i] = group;
      times[i] = tx.time ?? UNTIMED;
      ids[i] = tx.id;
      counts[group + 1] = (counts[group + 1] as number) + 1;
    }
    for (let g = 0; g < GROUP_SLOTS; g++) counts[g + 1] = (counts[g + 1] as number) + (counts[g] as number);
    day.length = size;
    for (let i = 0; i < size; i++) {
      const g = groups[i] as number;
      const at = counts[g] as number;
      day[at] = i;
      counts[g] = at + 1;
    }
    const byPosition = (a: number, b: number) => compareWithinDay(groups, times, ids, a, b);
    for (let from = 0; from < size;) {
      const g = groups[day[from] as number];
      let to = from + 1;
      let inOrder = true;
      while (to < size && groups[day[to] as number] === g) {
        if (inOrder && byPosition(day[to - 1] as number, day[to] as number) > 0) inOrder = false;
        to++;
      }
      if (!inOrder) {
        const part = day.slice(from, to).sort(byPosition);
        for (let i = 0; i < part.length; i++) day[from + i] = part[i] as number;
      }
      from = to;
    }
    for (let i = 0; i < size; i++) day[i] = (day[i] as number) + start;
    return day;
  }
}

/** Records i and j of one day: type group, then time (untimed last), then id. */
function compareWithinDay(
  groups: Uint8Array,
  times: readonly string[],
  ids: Float64Array,
  i: number,
  j: number,
): number {
  const group = (groups[i] as number) - (groups[j] as number);
  if (group !== 0) return group;
  const ta = times[i] as string;
  const tb = times[j] as string;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (ids[i] as number) - (ids[j] as number);
}
