import { describe, expect, it } from 'vitest';
import { TRANSACTION_TYPES, type Transaction } from '../domain/transaction';
import { seededRandom } from './bench-cases';
import { SAME_DAY_GROUP, sortForLedger } from './ledger-order';

// The documented order, written the plain way: date, type group, time (untimed last), id.
function reference(transactions: readonly Transaction[]): Transaction[] {
  return [...transactions].sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    const group = SAME_DAY_GROUP[a.type] - SAME_DAY_GROUP[b.type];
    if (group !== 0) return group;
    const ta = a.time ?? '~';
    const tb = b.time ?? '~';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.id - b.id;
  });
}

function randomLedger(seed: number, datesAscending: boolean): Transaction[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const days = ['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07'];
  const out: Transaction[] = Array.from({ length: 60 }, (_, i) => ({
    id: 1000 - i * 7 + Math.floor(random() * 5), // ids not in entry order either
    date: pick(days),
    time: random() < 0.3 ? pick(['09:30', '10:15', '15:59']) : null,
    account: 'A',
    type: pick(TRANSACTION_TYPES),
    symbol: 'X',
    quantity: '1',
    price: '1',
    fee: null,
    amount: null,
    currency: 'USD',
    note: null,
  }));
  return datesAscending ? out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) : out;
}

describe('sortForLedger', () => {
  it('gives the documented order for date-sorted and unsorted input alike', () => {
    for (let seed = 1; seed <= 200; seed++) {
      for (const ascending of [true, false]) {
        const ledger = randomLedger(seed, ascending);
        const sorted = sortForLedger(ledger).map((tx) => tx.id);
        expect(sorted).toEqual(reference(ledger).map((tx) => tx.id));
        // Input already in order takes the short way.
        expect(sortForLedger(reference(ledger)).map((tx) => tx.id)).toEqual(sorted);
      }
    }
  });

  it('returns a new array and leaves the input as it was', () => {
    const ledger = randomLedger(7, true);
    const before = ledger.map((tx) => tx.id);
    const sorted = sortForLedger(ledger);
    expect(sorted).not.toBe(ledger);
    expect(ledger.map((tx) => tx.id)).toEqual(before);
  });
});
