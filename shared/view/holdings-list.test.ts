import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { tx } from '../engine/test-fixtures/transactions';
import { holdingsView } from './holdings-list';
import { euro, snapshotOf } from './test-fixtures/snapshot';

const ACCOUNTS = ['Brokerage', 'Euro', 'IRA'];

describe('holdingsView', () => {
  it('does not add a EUR account to a USD account without a rate: the total is in USD and says what it leaves out', () => {
    const snapshot = snapshotOf({
      accounts: ACCOUNTS,
      transactions: [
        tx({ id: 1, date: '2024-05-01', type: 'deposit', amount: '1000' }),
        euro({ id: 2, date: '2024-05-01', type: 'deposit', amount: '1000' }),
      ],
    });
    const view = holdingsView(snapshot, undefined);
    expect(view.baseCurrency).toBe('USD');
    expect(view.totals).toMatchObject({ cash: '1000', total: '1000', marketValue: '0' });
    expect(view.totals.leftOut).toEqual([{ currency: 'EUR', amount: '1000', count: 1 }]);
    // Each balance is still listed, in its own currency.
    expect(view.cash).toEqual([
      { account: 'Brokerage', currency: 'USD', balance: '1000', balanceBase: '1000', fxRate: '1', fxNote: null },
      {
        account: 'Euro',
        currency: 'EUR',
        balance: '1000',
        balanceBase: null,
        fxRate: null,
        fxNote: 'no EUR→USD rate on or before 2024-05-01',
      },
    ]);
    expect(view.currencies).toEqual([{ currency: 'USD', holdings: '0', cash: '1000', total: '1000', sharePct: 100 }]);
  });

  // USD: Brokerage buys 3 AAPL at 100.10 + 1 fee from a 1,000 deposit; IRA buys 0.1 MSFT at 400
  // (no quotes: at cost, funded implicitly). EUR: 2 SAP at 150 from a 1,000 deposit.
  const snapshot = snapshotOf({
    accounts: ACCOUNTS,
    transactions: [
      tx({ id: 1, date: '2024-05-01', type: 'deposit', amount: '1000' }),
      tx({ id: 2, date: '2024-05-01', type: 'buy', symbol: 'AAPL', quantity: '3', price: '100.1', fee: '1' }),
      euro({ id: 3, date: '2024-05-01', type: 'deposit', amount: '1000' }),
      euro({ id: 4, date: '2024-05-01', type: 'buy', symbol: 'SAP', quantity: '2', price: '150' }),
      tx({ id: 5, date: '2024-05-02', type: 'buy', account: 'IRA', symbol: 'MSFT', quantity: '0.1', price: '400' }),
    ],
    bars: {
      AAPL: [
        { day: '2024-05-01', close: 100.1 },
        { day: '2024-05-02', close: 100.2 },
        { day: '2024-05-03', close: 120.37 },
      ],
      SAP: [
        { day: '2024-05-02', close: 160 },
        { day: '2024-05-03', close: 170.5 },
      ],
    },
    names: { AAPL: 'Apple' },
  });

  it('marks each position at its last close, in its own currency', () => {
    const view = holdingsView(snapshot, undefined);
    expect(view.asOf).toBe('2024-05-03');
    const bySymbol = new Map(view.rows.map((r) => [r.symbol, r]));
    expect(bySymbol.get('AAPL')).toMatchObject({
      account: 'Brokerage',
      name: 'Apple',
      currency: 'USD',
      quantity: '3',
      costBasis: '301.3', // 3 × 100.10 + 1
      marketValue: '361.11', // 3 × 120.37
      unrealizedPl: '59.81',
      price: 120.37,
      priceDate: '2024-05-03',
      stale: false,
      atCost: false,
      note: null,
    });
    expect(bySymbol.get('SAP')).toMatchObject({ currency: 'EUR', marketValue: '341', costBasis: '300' });
    expect(bySymbol.get('MSFT')).toMatchObject({ marketValue: null, costBasis: '40', atCost: true, price: null });
    expect(bySymbol.get('MSFT')?.note).toMatch(/MSFT/);
  });

  it('totals the USD positions and cash exactly, weights them in that total and leaves the EUR ones out', () => {
    const view = holdingsView(snapshot, undefined);
    const invested = 361.11 + 40; // AAPL at market, MSFT at cost
    expect(view.totals).toMatchObject({
      marketValue: '401.11',
      costBasis: '341.3', // 301.3 + 40
      unrealizedPl: '59.81', // MSFT has none without a price
      realizedPl: '0',
      dividends: '0',
      cash: '658.7', // Brokerage 1000 − 301.3, IRA −40
      total: '1059.81', // 401.11 + 658.7
    });
    // EUR: SAP's 341 and the 700 left in Euro, in two amounts.
    expect(view.totals.leftOut).toEqual([{ currency: 'EUR', amount: '1041', count: 2 }]);
    const weight = (symbol: string) => view.rows.find((r) => r.symbol === symbol)?.weightPct;
    expect(weight('AAPL')).toBeCloseTo((361.11 / invested) * 100, 10);
    expect(weight('MSFT')).toBeCloseTo((40 / invested) * 100, 10);
    expect(weight('SAP')).toBeNull();
    // The day change counts AAPL's 3 × (120.37 − 100.20) only: MSFT has no close, SAP is in EUR.
    const sap = view.rows.find((r) => r.symbol === 'SAP');
    expect(sap?.dayChange).toBeCloseTo(2 * (170.5 - 160), 10);
    expect(view.totals.dayChange).toBeCloseTo(60.51, 10);
    expect(view.totals.dayChangePct).toBeCloseTo((60.51 / (invested - 60.51)) * 100, 10);
    expect(view.notes.some((n) => n.includes('EUR'))).toBe(true);
  });

  it('answers for one account, and refuses one that does not exist', () => {
    const euro = holdingsView(snapshot, 'Euro');
    expect(euro.rows.map((r) => r.symbol)).toEqual(['SAP']);
    expect(euro.totals).toMatchObject({ marketValue: '0', cash: '0', total: '0' });
    expect(euro.totals.leftOut).toEqual([{ currency: 'EUR', amount: '1041', count: 2 }]);
    const brokerage = holdingsView(snapshot, 'Brokerage');
    expect(brokerage.totals).toMatchObject({ total: '1059.81', cash: '698.7', leftOut: [] });
    expect(() => holdingsView(snapshot, 'Nowhere')).toThrow(ApiError);
  });

  it('counts a closed position’s realized P&L and dividends in its own currency only', () => {
    const view = holdingsView(
      snapshotOf({
        accounts: ACCOUNTS,
        transactions: [
          tx({ id: 1, date: '2024-05-01', type: 'buy', symbol: 'AAPL', quantity: '2', price: '100' }),
          tx({ id: 2, date: '2024-05-02', type: 'sell', symbol: 'AAPL', quantity: '2', price: '110.05' }),
          euro({ id: 3, date: '2024-05-01', type: 'buy', symbol: 'SAP', quantity: '1', price: '150' }),
          euro({ id: 4, date: '2024-05-02', type: 'sell', symbol: 'SAP', quantity: '1', price: '155' }),
          euro({ id: 5, date: '2024-05-02', type: 'dividend', symbol: 'SAP', amount: '3' }),
        ],
      }),
      undefined,
    );
    expect(view.rows).toEqual([]);
    // Listed as closed: AAPL (110.05 − 100) × 2 = 20.10 realized; SAP 155 − 150 = 5 realized + 3 dividend = 8.
    expect(view.closed).toEqual([
      {
        account: 'Brokerage',
        symbol: 'AAPL',
        name: null,
        sleeve: 'large_cap_tech',
        currency: 'USD',
        realizedPl: '20.1',
        dividends: '0',
        earned: '20.1',
        // (2 × 110.05 − 2 × 100) ÷ (2 × 100).
        returnPct: expect.closeTo(10.05, 10),
        returnBasePct: expect.closeTo(10.05, 10),
      },
      {
        account: 'Euro',
        symbol: 'SAP',
        name: null,
        sleeve: 'other',
        currency: 'EUR',
        realizedPl: '5',
        dividends: '3',
        earned: '8',
        // (155 + 3 − 150) ÷ 150; no EUR rate, so none in dollars.
        returnPct: expect.closeTo((8 / 150) * 100, 10),
        returnBasePct: null,
      },
    ]);
    expect(view.totals).toMatchObject({ realizedPl: '20.1', dividends: '0', cash: '20.1', total: '20.1' });
    // SAP: 1 position (its 5 realized and 3 dividend) and the 8 of cash; the position adds no value.
    expect(view.totals.leftOut).toEqual([{ currency: 'EUR', amount: '8', count: 2 }]);
  });
});
