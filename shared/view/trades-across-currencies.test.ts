// A EUR account buying a USD stock (issue 16): the cash side settles in euros at the broker's rate
// the trade carries, else at the day's ECB rate, else (no rate at all) in dollar cash with a note.
// Expected figures are worked out here from the ECB file's cells, read with a plain split.
import { describe, expect, it } from 'vitest';
import { tx } from '../engine/test-fixtures/transactions';
import { divideTo10, ecbCell, ecbRates } from '../fx/test-fixtures/ecb';
import { holdingsView } from './holdings-list';
import { snapshotOf } from './test-fixtures/snapshot';

const DAY = '2016-11-14';
const LATER = '2016-12-30';
const bars = {
  JPM: [
    { day: DAY, close: 79.510002 },
    { day: LATER, close: 86.290001 },
  ],
};
const deposit = tx({ id: 1, date: DAY, account: 'Euro', currency: 'EUR', type: 'deposit', amount: '10000' });
const buy = (fxRate?: string) =>
  tx({
    id: 2,
    date: DAY,
    account: 'Euro',
    currency: 'USD',
    type: 'buy',
    symbol: 'JPM',
    quantity: '10',
    price: '79.51',
    fee: '1',
    ...(fxRate === undefined ? {} : { fxRate }),
  });
const portfolio = (fxRate: string | undefined, base: string, withRates = true) =>
  snapshotOf({
    accounts: ['Euro'],
    accountCurrencies: { Euro: 'EUR' },
    baseCurrency: base,
    transactions: [deposit, buy(fxRate)],
    bars,
    today: '2017-01-31',
    fxRates: withRates ? ecbRates(['USD']) : [],
  });

/** Exact decimal text × decimal text, in BigInt, as a number (the test's own product). */
const times = (a: string, b: string) => {
  const places = (t: string) => (t.split('.')[1] ?? '').length;
  const digits = (t: string) => BigInt(t.replace('.', ''));
  return Number(digits(a) * digits(b)) / 10 ** (places(a) + places(b));
};

describe('a EUR account buying a USD stock', () => {
  it('pays in euros at the broker’s rate, which also sets the lot’s cost in euros', () => {
    const view = holdingsView(portfolio('0.9301', 'EUR'), undefined);
    // 10 × 79.51 + 1 = 796.10 dollars at 0.9301 euros per dollar.
    const paid = times('796.1', '0.9301');
    expect(view.cash).toHaveLength(1);
    expect(view.cash[0]).toMatchObject({ currency: 'EUR' });
    expect(Number(view.cash[0]?.balance)).toBe(10000 - paid);
    const jpm = view.rows[0];
    expect(jpm).toMatchObject({ currency: 'USD', costBasis: '796.1' });
    expect(Number(jpm?.costBasisBase)).toBe(paid);
    // Valued on 2016-12-30 at the ECB's rate of that day (1 ÷ EURUSD).
    const rate = divideTo10('1', ecbCell(LATER, 'USD'));
    expect(jpm?.fxRate).toBe(rate);
    expect(Number(jpm?.marketValueBase)).toBeCloseTo(10 * 86.290001 * Number(rate), 8);
    expect(Number(jpm?.currencyEffectBase)).toBeCloseTo(796.1 * Number(rate) - paid, 8);
  });

  it('for a dollar investor, costs the broker’s euros at that day’s EURUSD', () => {
    const view = holdingsView(portfolio('0.9301', 'USD'), undefined);
    const jpm = view.rows[0];
    expect(Number(jpm?.costBasisBase)).toBeCloseTo(times('796.1', '0.9301') * Number(ecbCell(DAY, 'USD')), 8);
    // The broker's rate differs from the ECB's, and that difference is in the currency effect.
    expect(Number(jpm?.costBasisBase)).not.toBeCloseTo(796.1, 2);
  });

  it('pays at the day’s cached rate without a broker’s rate', () => {
    const view = holdingsView(portfolio(undefined, 'EUR'), undefined);
    const paid = 796.1 * Number(divideTo10('1', ecbCell(DAY, 'USD')));
    expect(view.cash.map((c) => c.currency)).toEqual(['EUR']);
    expect(Number(view.cash[0]?.balance)).toBeCloseTo(10000 - paid, 8);
    expect(Number(view.rows[0]?.costBasisBase)).toBeCloseTo(paid, 8);
  });

  it('without any rate, pays from dollar cash and says so; the dollar amounts are left out, the euros stay', () => {
    const view = holdingsView(portfolio(undefined, 'EUR', false), undefined);
    expect(view.cash.map((c) => [c.currency, c.balance])).toEqual([
      ['EUR', '10000'],
      ['USD', '-796.1'],
    ]);
    expect(view.notes).toContain(
      `Transaction 2 (${DAY} buy JPM) in Euro (EUR): no USD→EUR rate on or before ${DAY}; settled in USD cash, which the account now holds.`,
    );
    expect(view.rows[0]).toMatchObject({
      marketValueBase: null,
      fxNote: `no USD→EUR rate on or before ${LATER}; cost basis: no USD→EUR rate on or before ${DAY}`,
    });
    expect(view.totals.total).toBe('10000');
    // JPM's 10 × 86.290001 = 862.90001 and the −796.10 of dollar cash.
    expect(view.totals.leftOut).toEqual([{ currency: 'USD', amount: '66.80001', count: 2 }]);
  });
});

describe('many trades without a rate', () => {
  it('names the first three and counts the rest', () => {
    const buys = [2, 3, 4, 5, 6].map((id) => ({ ...buy(), id, quantity: '1', fee: null }));
    const view = holdingsView(
      snapshotOf({
        accounts: ['Euro'],
        accountCurrencies: { Euro: 'EUR' },
        baseCurrency: 'EUR',
        transactions: [deposit, ...buys],
        bars,
        today: '2017-01-31',
      }),
      undefined,
    );
    const unsettled = view.notes.filter((n) => n.includes('settled in'));
    expect(unsettled).toHaveLength(4);
    expect(unsettled[0]).toMatch(/^Transaction 2 /);
    expect(unsettled[3]).toBe('2 more trades settled in their own currency for want of a rate.');
  });
});
