import { describe, expect, it } from 'vitest';
import type { Transaction } from '../domain/transaction';
import { makeRecomputeWorkload, seededRandom } from './bench-cases';
import { applyLedger } from './ledger';
import { LedgerError } from './ledger-error';
import { applyLedgerResumable, resumeLedger, type ResumableLedger } from './ledger-resume';
import type { LedgerOptions } from './ledger-types';
import { Decimal } from './decimal';

// The store's order: date, then id.
function storeOrder(rows: Transaction[]): Transaction[] {
  return rows.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id - b.id));
}

function outcome(work: () => unknown): unknown {
  try {
    return work();
  } catch (error) {
    if (error instanceof LedgerError) return `LedgerError: ${error.message}`;
    throw error;
  }
}

describe('resumeLedger', () => {
  const workload = makeRecomputeWorkload({ transactions: 8_000, instruments: 40, days: 500, seed: 5 });
  const accounts = [...workload.accounts];
  const options: LedgerOptions = { today: workload.today, accounts, costMethod: 'fifo' };
  const base = storeOrder([...workload.transactions]);
  const days = [...new Set(base.map((t) => t.date))];

  it('equals a full replay after random edits at random dates, and replays only from the edit on', () => {
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    let rows = base;
    let ledger: ResumableLedger = applyLedgerResumable(rows, options);
    expect(ledger.result).toEqual(applyLedger(rows, options));
    let nextId = 1_000_000;
    let resumedShort = 0;
    let refused = 0;
    for (let edit = 0; edit < 30; edit++) {
      const date = pick(days);
      const account = pick(accounts);
      const kinds = ['deposit', 'buy', 'transfer', 'delete', 'update', 'split'] as const;
      const kind = pick(kinds);
      let next = rows.slice();
      let from = date;
      const symbol = pick(base.filter((t) => t.symbol !== null)).symbol as string;
      const none = { time: null, note: null, currency: 'USD', symbol: null, quantity: null, price: null, fee: null };
      if (kind === 'deposit') next.push({ ...none, id: nextId++, date, account, type: 'deposit', amount: '1234.56' });
      else if (kind === 'buy')
        next.push({
          ...none,
          id: nextId++,
          date,
          account,
          type: 'buy',
          symbol,
          quantity: '7',
          price: '10.5',
          amount: null,
        });
      else if (kind === 'split')
        next.push({ ...none, id: nextId++, date, account, type: 'split', symbol, quantity: '3', amount: null });
      else if (kind === 'transfer') {
        // A buy and a same-day transfer of its shares to another account: lots move between books.
        const to = accounts.find((a) => a !== account) as string;
        next.push({
          ...none,
          id: nextId++,
          date,
          account,
          type: 'buy',
          symbol,
          quantity: '5',
          price: '20',
          amount: null,
        });
        next.push({ ...none, id: nextId++, date, account, type: 'transfer_out', symbol, quantity: '5', amount: null });
        next.push({
          ...none,
          id: nextId++,
          date,
          account: to,
          type: 'transfer_in',
          symbol,
          quantity: '5',
          amount: null,
        });
      } else {
        const victim = pick(next);
        next = next.filter((t) => t !== victim);
        from = victim.date;
        if (kind === 'update') {
          // Moved to another date and amount: the earlier of the two dates is where the change starts.
          next.push({ ...victim, date, fee: '0.5' });
          from = date < victim.date ? date : victim.date;
        }
      }
      next = storeOrder(next);
      const full = outcome(() => applyLedger(next, options));
      let resumed: ResumableLedger | null = null;
      const incremental = outcome(() => (resumed = resumeLedger(ledger, next, options, from)).result);
      expect(incremental).toEqual(full);
      if (resumed === null) {
        refused++;
        continue;
      }
      const done = resumed as ResumableLedger;
      // Nothing before the edit's date was replayed: applied ≤ records dated from the checkpoint on.
      const before = next.filter((t) => t.date < from).length;
      expect(done.applied).toBeLessThanOrEqual(next.length - before + 2_000 + 1_000);
      if (done.applied < next.length) resumedShort++;
      rows = next;
      ledger = done;
    }
    // The edits above include some the ledger refuses (a deleted buy its sales needed) and many
    // that resumed part way.
    expect(resumedShort).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);

  it('replays from the start when today, the accounts or the cost method differ', () => {
    const ledger = applyLedgerResumable(base, options);
    const average = { ...options, costMethod: 'average' as const };
    const again = resumeLedger(ledger, base, average, days.at(-1) as string);
    expect(again.applied).toBe(base.length);
    expect(again.result).toEqual(applyLedger(base, average));
  });
  it('keeps the trades that could not settle before the checkpoint it resumes from', () => {
    // Every account is in EUR and only some days have a USD→EUR rate: the early USD trades
    // settle in dollars, and are listed, long before the edit's checkpoint.
    const settled: LedgerOptions = {
      ...options,
      settlement: {
        accountCurrency: new Map(accounts.map((a) => [a, 'EUR'])),
        rate: (from, to, day) =>
          day.endsWith('5') ? Decimal.parse('0.9') : `no ${from}→${to} rate on or before ${day}`,
      },
    };
    const ledger = applyLedgerResumable(base, settled);
    const full = applyLedger(base, settled);
    expect(ledger.result).toEqual(full);
    expect(full.unsettled?.length ?? 0).toBeGreaterThan(100);
    const last = days.at(-1) as string;
    const edited = [
      ...base,
      {
        id: 2_000_000,
        date: last,
        account: accounts[0] as string,
        type: 'deposit' as const,
        time: null,
        note: null,
        currency: 'EUR',
        symbol: null,
        quantity: null,
        price: null,
        fee: null,
        amount: '1',
      },
    ];
    const resumed = resumeLedger(ledger, storeOrder(edited), settled, last);
    expect(resumed.applied).toBeLessThan(base.length);
    expect(resumed.result).toEqual(applyLedger(storeOrder([...edited]), settled));
    expect(resumed.result.unsettled).toEqual(full.unsettled);
  });
});
