import { describe, expect, it } from 'vitest';
import type { Transaction, TransactionType } from '../domain/transaction';
import { seededRandom } from './bench-cases';
import { applyLedger, type LedgerResult } from './ledger';
import { referenceLedger } from './test-fixtures/reference-ledger';

// The fixed-point replay (ledger.ts, lots.ts, fixed.ts) against the plain Decimal one it
// replaced (test-fixtures/reference-ledger.ts), on random ledgers: every exact figure, lot,
// timeline and flow must match, and an invalid ledger must fail on the same record with the
// same words.

const ACCOUNTS = ['Brokerage', 'IRA', 'Roth'];
const SYMBOLS = ['AAPL', 'BRK.A', 'TINY', 'BTC'];
const DAYS = ['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-02-03', '2020-03-02', '2021-06-01'];
const TODAY = '2021-06-30';

function randomLedger(seed: number, withFaults: boolean): Transaction[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const held = new Map<string, number>();
  const amount = () =>
    pick([
      String(1 + Math.floor(random() * 5000)),
      (random() * 2000).toFixed(2),
      (random() * 5_000_000).toFixed(2), // past Decimal's one-float form
      (random() * 10).toFixed(7),
    ]);
  const price = () => pick([(random() * 500).toFixed(2), (random() * 300_000).toFixed(2), (random() * 2).toFixed(6)]);
  const quantity = () => pick([String(1 + Math.floor(random() * 200)), (random() * 3).toFixed(4), '0.5']);
  const out: Transaction[] = [];
  let id = 1;
  for (const date of DAYS) {
    const count = 1 + Math.floor(random() * 12);
    for (let k = 0; k < count; k++) {
      const account = pick(ACCOUNTS);
      const symbol = pick(SYMBOLS);
      const key = `${account}|${symbol}`;
      const shares = held.get(key) ?? 0;
      const base = {
        id: id++,
        date,
        time: random() < 0.2 ? pick(['09:30', '15:59']) : null,
        account,
        symbol: null as string | null,
        quantity: null as string | null,
        price: null as string | null,
        fee: random() < 0.3 ? pick(['1', '4.95', '0']) : null,
        amount: null as string | null,
        currency: 'USD',
        note: null,
      };
      const roll = random();
      let type: TransactionType;
      if (roll < 0.35) {
        type = 'buy';
        const q = quantity();
        Object.assign(base, { symbol, quantity: q, price: price() });
        held.set(key, shares + Number(q));
      } else if (roll < 0.55 && shares > 0) {
        type = 'sell';
        const q = random() < 0.3 ? String(shares) : String(Math.max(1, Math.floor(shares / 2)));
        Object.assign(base, { symbol, quantity: Number(q) <= shares ? q : String(shares), price: price() });
        held.set(key, shares - Number(base.quantity));
      } else if (roll < 0.6 && shares > 0) {
        type = 'split';
        Object.assign(base, { symbol, quantity: pick(['2', '0.5', '3', '1.5']), fee: null });
        held.set(key, shares * Number(base.quantity));
      } else if (roll < 0.68 && shares >= 1) {
        // A transfer between accounts, both legs on one day (sometimes unmatched, with a price).
        const q = String(Math.floor(shares));
        const to = pick(ACCOUNTS.filter((a) => a !== account));
        out.push({ ...base, type: 'transfer_out', symbol, quantity: q, fee: null });
        held.set(key, shares - Number(q));
        const matched = random() < 0.7;
        type = 'transfer_in';
        Object.assign(base, {
          id: id++,
          account: to,
          symbol,
          quantity: matched ? q : '1',
          price: matched ? null : price(),
          fee: null,
        });
        held.set(`${to}|${symbol}`, (held.get(`${to}|${symbol}`) ?? 0) + Number(base.quantity));
      } else {
        type = pick(['dividend', 'interest', 'fee', 'tax', 'deposit', 'withdrawal'] as const);
        // A fee or tax names its holding half the time; a tax without one is an account's charge.
        const named = type === 'dividend' || ((type === 'fee' || type === 'tax') && random() < 0.5);
        Object.assign(base, { amount: amount(), symbol: named ? symbol : null });
        if (type === 'dividend' && shares === 0) base.symbol = null;
      }
      out.push({ ...base, type });
    }
  }
  if (withFaults) {
    const victim = out[Math.floor(random() * out.length)] as Transaction;
    const fault = pick<(tx: Transaction) => void>([
      (tx) => (tx.quantity = '1e999999999'),
      (tx) => (tx.amount = '-5'),
      (tx) => (tx.price = 'abc'),
      (tx) => (tx.fee = '-1'),
      (tx) => (tx.date = '2030-01-01'),
      (tx) => (tx.account = 'Nowhere'),
      (tx) => (tx.currency = 'usd'),
      (tx) => (tx.time = '25:00'),
      (tx) => (tx.quantity = String(Number(tx.quantity ?? '0') * 1000)),
      (tx) => (tx.amount = '1'),
      (tx) => (tx.quantity = ' 7 '),
      (tx) => (tx.currency = 'EUR'),
    ]);
    fault(victim);
  }
  return out;
}

/** Every figure as text or plain numbers, so a difference shows where it is. */
function plain(result: LedgerResult) {
  return {
    accounts: result.accounts.map((a) => ({
      name: a.name,
      cash: a.cash.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)]))),
      positions: a.positions.map((p) => ({
        ...p,
        quantity: p.quantity.toString(),
        costBasis: p.costBasis.toString(),
        realizedPnl: p.realizedPnl.toString(),
        dividends: p.dividends.toString(),
        fees: p.fees.toString(),
        taxes: p.taxes.toString(),
        lots: p.lots.map((lot) => ({ ...lot, quantity: lot.quantity.toString(), cost: lot.cost.toString() })),
      })),
    })),
    days: result.days,
    holdings: result.holdings.map((h) => ({ ...h, day: [...h.day], quantity: [...h.quantity], cost: [...h.cost] })),
    symbols: result.symbols.map((h) => ({ ...h, day: [...h.day], quantity: [...h.quantity], cost: [...h.cost] })),
    cash: result.cash.map((c) => ({ ...c, day: [...c.day], balance: [...c.balance] })),
    cashTotals: result.cashTotals.map((c) => ({ ...c, day: [...c.day], balance: [...c.balance] })),
    flows: result.flows,
    firstDay: result.firstDay,
    lastDay: result.lastDay,
  };
}

function outcome(run: () => LedgerResult): unknown {
  try {
    return plain(run());
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

describe('the fixed-point replay against the Decimal one', () => {
  for (const costMethod of ['fifo', 'lifo', 'hifo', 'average'] as const) {
    it(`agrees on 300 valid random ledgers (${costMethod})`, () => {
      let valid = 0;
      let taxedHoldings = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const ledger = randomLedger(seed, false);
        const options = { today: TODAY, accounts: ACCOUNTS, costMethod };
        const expected = outcome(() => referenceLedger(ledger, options));
        expect(outcome(() => applyLedger(ledger, options))).toEqual(expected);
        if (!('error' in (expected as object))) valid++;
        const result = expected as ReturnType<typeof plain>;
        if (result.accounts?.some((a) => a.positions.some((p) => p.taxes !== '0'))) taxedHoldings++;
      }
      // The generator is meant to make valid ledgers: most of them must be, with taxes among them.
      expect(valid).toBeGreaterThan(250);
      expect(taxedHoldings).toBeGreaterThan(100);
    });
  }

  it('fails on the same record with the same words when one record is broken', () => {
    let failed = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const ledger = randomLedger(seed, true);
      const options = { today: TODAY, accounts: ACCOUNTS };
      const expected = outcome(() => referenceLedger(ledger, options));
      expect(outcome(() => applyLedger(ledger, options))).toEqual(expected);
      if ('error' in (expected as object)) failed++;
    }
    expect(failed).toBeGreaterThan(200);
  });

  it('gives the same result, or the same first error, with the records handed over in any order', () => {
    // The replay orders each day's records as they come and starts over on meeting dates out of
    // order, including after an invalid record whose error an earlier-dated record would precede.
    for (let seed = 1; seed <= 200; seed++) {
      const ledger = randomLedger(seed, seed % 2 === 0);
      const random = seededRandom(seed + 1000);
      const shuffled = ledger
        .map((tx) => ({ tx, key: random() }))
        .sort((a, b) => a.key - b.key)
        .map(({ tx }) => tx);
      const options = { today: TODAY, accounts: ACCOUNTS };
      expect(outcome(() => applyLedger(shuffled, options))).toEqual(outcome(() => referenceLedger(ledger, options)));
    }
  });
});
