import type { Transaction, TransactionType } from '../domain/transaction';

// The order records of one day apply in (docs/engine.md, "Same-day order"):
//   1. by type group: splits (they take effect at the open), then acquisitions (buy), then
//      transfers out, then transfers in (so a transfer in can pick up what a transfer out of the
//      same day released), then disposals (sell), then cash-only records;
//   2. within a group, records with a time in time order, then records without one;
//   3. then entry order (id).
// Putting a day's buys before its sells means a sale is never refused for want of shares a
// same-day buy provides, and the result does not depend on which of the pair was typed first.
export const SAME_DAY_GROUP: Record<TransactionType, number> = {
  split: 0,
  buy: 1,
  transfer_out: 2,
  transfer_in: 3,
  sell: 4,
  dividend: 5,
  interest: 5,
  fee: 5,
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
  const groups = new Uint8Array(n);
  const times: string[] = new Array<string>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const tx = transactions[i] as T;
    groups[i] = SAME_DAY_GROUP[tx.type] ?? 9;
    times[i] = tx.time ?? UNTIMED;
    if (sorted && i > 0 && compare(transactions, groups, times, i - 1, i) > 0) sorted = false;
  }
  if (sorted) return transactions.slice();
  // Sort positions rather than wrapper objects: nothing extra for the collector to trace.
  const order = Array.from({ length: n }, (_, i) => i);
  const byPosition = (a: number, b: number) => compare(transactions, groups, times, a, b);
  if (datesAscending(transactions)) {
    // The store returns records by date: only each day's few records need ordering, and a
    // counting pass by type group (stable, so entry order survives) does most of it.
    const counts = new Int32Array(GROUP_SLOTS + 1);
    const day: number[] = [];
    for (let start = 0; start < n;) {
      const date = (transactions[start] as T).date;
      let end = start + 1;
      while (end < n && (transactions[end] as T).date === date) end++;
      if (end - start > 1) {
        counts.fill(0);
        for (let i = start; i < end; i++) {
          const slot = (groups[i] as number) + 1;
          counts[slot] = (counts[slot] as number) + 1;
        }
        for (let g = 0; g < GROUP_SLOTS; g++) counts[g + 1] = (counts[g + 1] as number) + (counts[g] as number);
        day.length = end - start;
        for (let i = start; i < end; i++) {
          const g = groups[i] as number;
          const at = counts[g] as number;
          day[at] = i;
          counts[g] = at + 1;
        }
        // Within a group, times and ids are usually in order already; sort only where they are not.
        for (let from = 0; from < day.length;) {
          const g = groups[day[from] as number];
          let to = from + 1;
          let inOrder = true;
          while (to < day.length && groups[day[to] as number] === g) {
            if (inOrder && compare(transactions, groups, times, day[to - 1] as number, day[to] as number) > 0)
              inOrder = false;
            to++;
          }
          if (!inOrder) {
            const part = day.slice(from, to).sort(byPosition);
            for (let i = 0; i < part.length; i++) day[from + i] = part[i] as number;
          }
          from = to;
        }
        for (let i = 0; i < day.length; i++) order[start + i] = day[i] as number;
      }
      start = end;
    }
  } else {
    order.sort(byPosition);
  }
  return order.map((i) => transactions[i] as T);
}

function datesAscending(transactions: readonly Transaction[]): boolean {
  for (let i = 1; i < transactions.length; i++) {
    if ((transactions[i] as Transaction).date < (transactions[i - 1] as Transaction).date) return false;
  }
  return true;
}

function compare(
  transactions: readonly Transaction[],
  groups: Uint8Array,
  times: readonly string[],
  i: number,
  j: number,
): number {
  const a = transactions[i] as Transaction;
  const b = transactions[j] as Transaction;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const group = (groups[i] as number) - (groups[j] as number);
  if (group !== 0) return group;
  const ta = times[i] as string;
  const tb = times[j] as string;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.id - b.id;
}
