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

// Untimed records sort after every HH:MM.
const UNTIMED = '~';

/** A new array in application order; the input is not touched. */
export function sortForLedger<T extends Transaction>(transactions: readonly T[]): T[] {
  const keyed = transactions.map((tx) => ({
    tx,
    date: tx.date,
    group: SAME_DAY_GROUP[tx.type] ?? 9,
    time: tx.time ?? UNTIMED,
  }));
  // Array.prototype.sort is stable and cheap on the date-ordered input the store returns.
  keyed.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (a.group !== b.group) return a.group - b.group;
    if (a.time !== b.time) return a.time < b.time ? -1 : 1;
    return a.tx.id - b.tx.id;
  });
  return keyed.map((entry) => entry.tx);
}
