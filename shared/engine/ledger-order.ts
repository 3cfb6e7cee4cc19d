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
  // One pass over the records (a ledger is larger than the CPU's caches: each pass costs memory
  // reads), keeping what the order needs in arrays: the sort itself then reads only those.
  const groups = new Uint8Array(n);
  const times: string[] = new Array<string>(n);
  const ids = new Float64Array(n);
  const dayStarts: number[] = [];
  let datesAscending = true;
  let sorted = true;
  let previousDate = '';
  for (let i = 0; i < n; i++) {
    const tx = transactions[i] as T;
    const group = SAME_DAY_GROUP[tx.type] ?? 9;
    const time = tx.time ?? UNTIMED;
    const date = tx.date;
    groups[i] = group;
    times[i] = time;
    ids[i] = tx.id;
    if (i === 0 || date !== previousDate) {
      if (i > 0 && date < previousDate) datesAscending = sorted = false;
      dayStarts.push(i);
      previousDate = date;
    } else if (sorted && compareWithinDay(groups, times, ids, i - 1, i) > 0) {
      sorted = false;
    }
  }
  if (sorted) return transactions.slice();
  if (!datesAscending) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
      const da = (transactions[a] as T).date;
      const db = (transactions[b] as T).date;
      return da !== db ? (da < db ? -1 : 1) : compareWithinDay(groups, times, ids, a, b);
    });
    return order.map((i) => transactions[i] as T);
  }
  // The store returns records by date: only each day's few records need ordering, and a
  // counting pass by type group (stable, so entry order survives) does most of it.
  const out = new Array<T>(n);
  const counts = new Int32Array(GROUP_SLOTS + 1);
  const day: number[] = [];
  const byPosition = (a: number, b: number) => compareWithinDay(groups, times, ids, a, b);
  dayStarts.push(n);
  for (let d = 0; d + 1 < dayStarts.length; d++) {
    const start = dayStarts[d] as number;
    const end = dayStarts[d + 1] as number;
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
        if (inOrder && byPosition(day[to - 1] as number, day[to] as number) > 0) inOrder = false;
        to++;
      }
      if (!inOrder) {
        const part = day.slice(from, to).sort(byPosition);
        for (let i = 0; i < part.length; i++) day[from + i] = part[i] as number;
      }
      from = to;
    }
    for (let i = 0; i < day.length; i++) out[start + i] = transactions[day[i] as number] as T;
  }
  return out;
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
