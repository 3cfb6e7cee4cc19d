import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { tx } from '../engine/test-fixtures/transactions';
import { performanceView } from './performance-view';
import { snapshotOf } from './test-fixtures/snapshot';

// Brokerage: 1,000 in, 10 AAPL at 100, 500 more on the second day. IRA: 200 in on the second day.
const snapshot = snapshotOf({
  accounts: ['Brokerage', 'IRA'],
  transactions: [
    tx({ id: 1, date: '2024-05-01', type: 'deposit', amount: '1000' }),
    tx({ id: 2, date: '2024-05-01', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100' }),
    tx({ id: 3, date: '2024-05-02', type: 'deposit', amount: '500' }),
    tx({ id: 4, date: '2024-05-02', type: 'deposit', account: 'IRA', amount: '200' }),
  ],
  bars: {
    AAPL: [
      { day: '2024-05-01', close: 100 },
      { day: '2024-05-02', close: 110 },
      { day: '2024-05-03', close: 99 },
    ],
  },
});
const spy = {
  symbol: 'SPY',
  basis: 'price' as const,
  bars: [
    { day: '2024-04-30', close: 390 },
    { day: '2024-05-01', close: 400 },
    { day: '2024-05-02', close: 420 },
    { day: '2024-05-03', close: 410 },
  ],
};
const DAYS = ['2024-05-01', '2024-05-02', '2024-05-03'];
const points = (values: number[]) => values.map((value, i) => ({ time: DAYS[i], value }));
/** Each day's return with its deposit taken at the start of the day: V_t / (V_t−1 + F_t). */
const growthOf = (values: number[], flows: number[]) =>
  values.map((_, t) =>
    values.slice(1, t + 1).reduce((g, v, i) => (g * v) / ((values[i] as number) + (flows[i + 1] as number)), 100),
  );

describe('performanceView', () => {
  it('values the whole portfolio day by day and links its growth across the deposits', () => {
    // AAPL 10 × 100, 110, 99 plus cash 0, 500 + 200, 700.
    const values = [1000, 1800, 1690];
    const view = performanceView(snapshot, { period: 'ALL' }, spy);
    expect(view).toMatchObject({ from: '2024-05-01', to: '2024-05-03', baseCurrency: 'USD', carriedDays: 0 });
    expect(view.value).toEqual(points(values));
    const growth = growthOf(values, [1000, 700, 0]);
    view.growth.forEach((p, i) => {
      expect(p.time).toBe(DAYS[i]);
      expect(p.value).toBeCloseTo(growth[i] as number, 10);
    });
    expect(view.startValue).toBe(1000);
    expect(view.endValue).toBe(1690);
    const twr = (growth[2] as number) / 100 - 1;
    expect(view.twrPct).toBeCloseTo(twr * 100, 10);
    expect(view.benchmark?.symbol).toBe('SPY');
    expect(view.benchmark?.growth.map((p) => p.value)).toEqual([100, 105, 102.5]);
    expect(view.benchmark?.pct).toBeCloseTo(2.5, 10);
    expect(view.benchmark?.relativePct).toBeCloseTo(((1 + twr) / 1.025 - 1) * 100, 10);
  });

  it('values one account on its own, and refuses one that does not exist', () => {
    const view = performanceView(snapshot, { period: 'ALL', account: 'Brokerage' }, null);
    expect(view.value).toEqual(points([1000, 1600, 1490]));
    expect(view.growth.at(-1)?.value).toBeCloseTo(((100 * 1600) / 1500) * (1490 / 1600), 10);
    expect(view.benchmark).toBeNull();
    expect(() => performanceView(snapshot, { period: 'ALL', account: 'Nowhere' }, null)).toThrow(ApiError);
  });

  it('rebases a custom period to 100 on its first day', () => {
    const view = performanceView(snapshot, { period: 'CUSTOM', from: '2024-05-02', to: '2024-05-03' }, spy);
    expect(view.value.map((p) => p.time)).toEqual(DAYS.slice(1));
    expect(view.growth[0]?.value).toBe(100);
    expect(view.growth[1]?.value).toBeCloseTo((100 * 1690) / 1800, 10);
    expect(view.benchmark?.growth[1]?.value).toBeCloseTo((100 * 410) / 420, 10);
  });

  it('answers empty, with the base currency, before there is anything to value', () => {
    const view = performanceView(snapshotOf({ accounts: ['Brokerage'], transactions: [] }), { period: '1Y' }, spy);
    expect(view).toMatchObject({ from: null, to: null, baseCurrency: 'USD', value: [], twrPct: null, benchmark: null });
  });
});
