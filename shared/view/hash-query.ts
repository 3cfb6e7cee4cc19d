// The query of a hash route (`#/holding/MSFT?account=Brokerage&from=2016-10-31&to=2016-11-14`),
// shared by everything a screen keeps in it (the holding's account, the date window, the RRG's
// week): each writer changes its own keys and keeps the others, in their order, so one feature
// never drops another's state from a bookmark. Hand-written: shared/ has no URLSearchParams.

/** The query's keys and values, decoded, in order; a pair without `=` or a key is skipped. */
export function parseQuery(query: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const pair of query.replace(/^\?/, '').split('&')) {
    const at = pair.indexOf('=');
    if (at > 0) pairs.push([decode(pair.slice(0, at)), decode(pair.slice(at + 1))]);
  }
  return pairs;
}

/** A hand-edited link with a stray `%` keeps its text rather than failing the whole page. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** One key's value (the first, if repeated), or undefined. */
export function queryValue(query: string, key: string): string | undefined {
  return parseQuery(query).find(([k]) => k === key)?.[1];
}

/**
 * The query with `changes` applied: a key set to null is removed, one set to a value replaces the
 * first of that key where it stands (later repeats dropped) or is added at the end; every other
 * key is kept as it was, in order.
 */
export function updateQuery(query: string, changes: Readonly<Record<string, string | null>>): string {
  const done = new Set<string>();
  const out: string[] = [];
  for (const [key, value] of parseQuery(query)) {
    if (!(key in changes)) out.push(pairText(key, value));
    else if (!done.has(key)) {
      done.add(key);
      const next = changes[key];
      if (next !== null && next !== undefined) out.push(pairText(key, next));
    }
  }
  for (const [key, value] of Object.entries(changes))
    if (!done.has(key) && value !== null) out.push(pairText(key, value));
  return out.join('&');
}

// Days, symbols and words stay readable in the address bar; spaces and & in an account's name are escaped.
const pairText = (key: string, value: string) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
