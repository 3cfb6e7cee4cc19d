import { describe, expect, it } from 'vitest';
import type { Transaction } from '../domain/transaction';
import { Decimal } from '../engine/decimal';
import { applyLedger } from '../engine/ledger';
import { applyLedgerResumable, resumeLedger } from '../engine/ledger-resume';
import type { CostMethod } from '../engine/lots';
import { tx } from '../engine/test-fixtures/transactions';
import { fxTable } from '../fx/rate-lookup';
import type { BaseContext } from './base-values';
import { realizedGainsView, termOf } from './realized-gains';

const TODAY = '2024-06-28';
const usd: BaseContext = { base: 'USD', fx: fxTable([]), day: TODAY, tradeRates: new Map() };

// Three buys (fees on two), a 2-for-1 split, then one sale of 30 of the 60 shares.
// Lots after the split: A 2020-01-10 20 sh cost 1005 (50.25/sh), B 2020-06-10 20 sh cost 1200
// (60/sh), C 2020-09-10 20 sh cost 910 (45.5/sh). Sale 2021-06-05: 30 × 70 − 15 = 2085.
const LEDGER: Transaction[] = [
  tx({ id: 1, date: '2020-01-10', type: 'buy', symbol: 'X', quantity: '10', price: '100', fee: '5' }),
  tx({ id: 2, date: '2020-06-10', type: 'buy', symbol: 'X', quantity: '10', price: '120' }),
  tx({ id: 3, date: '2020-09-10', type: 'buy', symbol: 'X', quantity: '10', price: '90', fee: '10' }),
  tx({ id: 4, date: '2021-03-01', type: 'split', symbol: 'X', quantity: '2' }),
  tx({ id: 5, date: '2021-06-05', type: 'sell', symbol: 'X', quantity: '30', price: '70', fee: '15' }),
];

function rowsFor(costMethod: CostMethod, ledger = LEDGER, accounts = ['Brokerage']) {
  const result = applyLedger(ledger, { today: TODAY, accounts, costMethod });
  return realizedGainsView(result.sales, accounts, usd, {});
}

const brief = (r: {
  acquired: string;
  quantity: string;
  cost: string;
  proceeds: string;
  gain: string;
  term: string;
}) => [r.acquired, r.quantity, r.cost, r.proceeds, r.gain, r.term];

describe('realized gains, lot by lot, under each cost method', () => {
  // Proceeds split by shares: 20 of 30 → 2085 × 2/3 = 1390, the last lot the remaining 695.
  it('FIFO takes the oldest lots: all of A, 10 of B', () => {
    const { rows } = rowsFor('fifo');
    expect(rows.map(brief)).toEqual([
      // A held since 2020-01-10: long; B since 2020-06-10, sold 2021-06-05: short.
      ['2020-01-10', '20', '1005', '1390', '385', 'long'],
      ['2020-06-10', '10', '600', '695', '95', 'short'],
    ]);
  });

  it('LIFO takes the newest lots: all of C, 10 of B', () => {
    const { rows } = rowsFor('lifo');
    expect(rows.map(brief)).toEqual([
      ['2020-09-10', '20', '910', '1390', '480', 'short'],
      ['2020-06-10', '10', '600', '695', '95', 'short'],
    ]);
  });

  it('HIFO takes the dearest shares: B at 60, then 10 of A at 50.25', () => {
    const { rows } = rowsFor('hifo');
    expect(rows.map(brief)).toEqual([
      ['2020-06-10', '20', '1200', '1390', '190', 'short'],
      ['2020-01-10', '10', '502.5', '695', '192.5', 'long'],
    ]);
  });

  it('average cost takes pool × 30/60 = 1557.5, spread over the oldest lots by shares', () => {
    const { rows } = rowsFor('average');
    // 1557.5 × 20/30 = 1038.333…, rounded at 10 places; B takes the remainder.
    expect(rows.map(brief)).toEqual([
      ['2020-01-10', '20', '1038.3333333333', '1390', '351.6666666667', 'long'],
      ['2020-06-10', '10', '519.1666666667', '695', '175.8333333333', 'short'],
    ]);
  });

  it("each method's lots add up to the sale and to the position's realized P&L", () => {
    const expectedCost = { fifo: '1605', lifo: '1510', hifo: '1702.5', average: '1557.5' } as const;
    for (const method of ['fifo', 'lifo', 'hifo', 'average'] as const) {
      const result = applyLedger(LEDGER, { today: TODAY, accounts: ['Brokerage'], costMethod: method });
      const [sale] = result.sales;
      expect(sale?.cost.toString()).toBe(expectedCost[method]);
      expect(sale?.proceeds.toString()).toBe('2085');
      const realized = result.accounts[0]?.positions[0]?.realizedPnl.toString();
      expect(realized).toBe(Decimal.parse('2085').sub(Decimal.parse(expectedCost[method])).toString());
      // What is left: 60 − 30 shares, 3115 − the cost that left.
      expect(result.accounts[0]?.positions[0]?.costBasis.toString()).toBe(
        Decimal.parse('3115').sub(Decimal.parse(expectedCost[method])).toString(),
      );
    }
  });

  it('HIFO takes the earliest of lots with equal cost per share', () => {
    const ledger = [
      tx({ id: 1, date: '2020-01-02', type: 'buy', symbol: 'Y', quantity: '5', price: '10' }),
      tx({ id: 2, date: '2020-02-03', type: 'buy', symbol: 'Y', quantity: '10', price: '10' }),
      tx({ id: 3, date: '2020-03-02', type: 'buy', symbol: 'Y', quantity: '5', price: '8' }),
      tx({ id: 4, date: '2020-04-01', type: 'sell', symbol: 'Y', quantity: '7', price: '12' }),
    ];
    const { rows } = rowsFor('hifo', ledger);
    expect(rows.map((r) => [r.acquired, r.quantity, r.cost])).toEqual([
      ['2020-01-02', '5', '50'],
      ['2020-02-03', '2', '20'],
    ]);
    // The lots left, in date order: 8 of 2020-02-03 and the cheap one.
    const result = applyLedger(ledger, { today: TODAY, accounts: ['Brokerage'], costMethod: 'hifo' });
    expect(result.accounts[0]?.positions[0]?.lots.map((l) => [l.acquired, l.quantity.toString()])).toEqual([
      ['2020-02-03', '8'],
      ['2020-03-02', '5'],
    ]);
  });
});

describe('cost methods chosen per account', () => {
  const both = (account: string, id: number): Transaction[] => [
    tx({ id, date: '2020-01-02', account, type: 'buy', symbol: 'Z', quantity: '10', price: '10' }),
    tx({ id: id + 1, date: '2020-02-03', account, type: 'buy', symbol: 'Z', quantity: '10', price: '20' }),
    tx({ id: id + 2, date: '2020-03-02', account, type: 'sell', symbol: 'Z', quantity: '10', price: '30' }),
  ];
  const ledger = [...both('Brokerage', 1), ...both('IRA', 10)].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id - b.id,
  );
  const options = { today: TODAY, accounts: ['Brokerage', 'IRA'], costMethod: 'fifo' as const };

  it("uses an account's own method and the app's for the others", () => {
    const result = applyLedger(ledger, { ...options, accountCostMethods: { Brokerage: 'lifo' } });
    const view = realizedGainsView(result.sales, ['Brokerage', 'IRA'], usd, {});
    // Brokerage (LIFO) sells the 20s: 300 − 200; the IRA (FIFO) the 10s: 300 − 100.
    expect(view.rows.map((r) => [r.account, r.method, r.cost, r.gain])).toEqual([
      ['Brokerage', 'lifo', '200', '100'],
      ['IRA', 'fifo', '100', '200'],
    ]);
    expect(view.totals.map((t) => [t.year, t.account, t.short.gain, t.long.gain, t.gain])).toEqual([
      [2020, 'Brokerage', '100', '0', '100'],
      [2020, 'IRA', '200', '0', '200'],
    ]);
    const ira = realizedGainsView(result.sales, ['Brokerage', 'IRA'], usd, { account: 'IRA', year: 2020 });
    expect(ira.rows.map((r) => r.account)).toEqual(['IRA']);
    expect(realizedGainsView(result.sales, ['Brokerage', 'IRA'], usd, { year: 2019 }).rows).toEqual([]);
    expect(() => realizedGainsView(result.sales, ['Brokerage', 'IRA'], usd, { account: 'Nope' })).toThrow(/Nope/);
  });

  it('the incremental replay keys on the accounts’ methods and resumes to the full result', () => {
    const first = applyLedgerResumable(ledger, options);
    const changed = { ...options, accountCostMethods: { Brokerage: 'lifo' as const } };
    const resumed = resumeLedger(first, ledger, changed, '2020-03-02');
    expect(resumed.result.sales.map((s) => s.cost.toString())).toEqual(['200', '100']);
    // Same methods: an edit resumes from a checkpoint and gives the full replay's sales.
    const again = resumeLedger(resumed, ledger, changed, '2020-03-02');
    expect(again.result.sales).toEqual(applyLedger(ledger, changed).sales);
  });
});

describe('short and long term', () => {
  it('is long only after the first anniversary; a Feb 29 lot has its anniversary on Feb 28', () => {
    expect(termOf('2019-03-10', '2020-03-10')).toBe('short');
    expect(termOf('2019-03-10', '2020-03-11')).toBe('long');
    expect(termOf('2020-02-29', '2021-02-28')).toBe('short');
    expect(termOf('2020-02-29', '2021-03-01')).toBe('long');
    // Bought on Feb 28 in a year before a leap year: Feb 29 is the first long-term day.
    expect(termOf('2023-02-28', '2024-02-28')).toBe('short');
    expect(termOf('2023-02-28', '2024-02-29')).toBe('long');
  });

  it('splits the totals by term, from a leap-day buy', () => {
    const ledger = [
      tx({ id: 1, date: '2020-02-29', type: 'buy', symbol: 'L', quantity: '4', price: '10' }),
      tx({ id: 2, date: '2021-02-28', type: 'sell', symbol: 'L', quantity: '1', price: '15' }),
      tx({ id: 3, date: '2021-03-01', type: 'sell', symbol: 'L', quantity: '2', price: '16' }),
    ];
    const { totals } = rowsFor('fifo', ledger);
    expect(totals).toHaveLength(1);
    expect(totals[0]?.short).toEqual({ proceeds: '15', cost: '10', gain: '5' });
    expect(totals[0]?.long).toEqual({ proceeds: '32', cost: '20', gain: '12' });
  });
});

describe('transfers between accounts', () => {
  it("carry the lot's acquisition day and cost to the account that sells", () => {
    const ledger = [
      tx({ id: 1, date: '2019-05-01', type: 'buy', symbol: 'T', quantity: '10', price: '50', fee: '1' }),
      tx({ id: 2, date: '2020-01-02', type: 'transfer_out', symbol: 'T', quantity: '10' }),
      tx({ id: 3, date: '2020-01-02', account: 'IRA', type: 'transfer_in', symbol: 'T', quantity: '10' }),
      tx({ id: 4, date: '2020-06-01', account: 'IRA', type: 'sell', symbol: 'T', quantity: '10', price: '60' }),
    ];
    const { rows } = rowsFor('fifo', ledger, ['Brokerage', 'IRA']);
    expect(rows.map((r) => [r.account, ...brief(r)])).toEqual([
      ['IRA', '2019-05-01', '10', '501', '600', '99', 'long'],
    ]);
  });
});

describe('sales in another currency', () => {
  it('give base figures at the sale day’s and the lot’s purchase day’s rates', () => {
    const ledger = [
      tx({ id: 1, date: '2020-01-02', type: 'buy', symbol: 'E', quantity: '10', price: '10', currency: 'EUR' }),
      tx({ id: 2, date: '2021-06-01', type: 'sell', symbol: 'E', quantity: '10', price: '12', currency: 'EUR' }),
    ];
    const fx = fxTable([
      { base: 'EUR', quote: 'USD', day: '2020-01-02', rate: '1.1', source: 'ecb', fetchedAt: '' },
      { base: 'EUR', quote: 'USD', day: '2021-06-01', rate: '1.2', source: 'ecb', fetchedAt: '' },
    ]);
    const result = applyLedger(ledger, { today: TODAY, accounts: ['Brokerage'] });
    const { rows } = realizedGainsView(result.sales, ['Brokerage'], { ...usd, fx }, {});
    // 120 EUR × 1.2 = 144 USD; 100 EUR × 1.1 = 110 USD.
    expect(rows.map((r) => [r.currency, r.proceeds, r.proceedsBase, r.costBase, r.gainBase])).toEqual([
      ['EUR', '120', '144', '110', '34'],
    ]);
  });
});
