import { describe, expect, it } from 'vitest';
import type { HealthRow } from './health-problem';
import { healthInput } from './test-support/input';
import { tradePrices } from './trade-prices';

const bar = (day: string, low: number, high: number, close: number): HealthRow => ({
  day,
  close,
  low,
  high,
  source: 'file',
  fetchedAt: '2019-01-01T00:00:00Z',
});
// AAPL on 2012-06-04 as the split-adjusted file has it (it traded at 7 times that before the 2014 split).
const rows = new Map([['AAPL', [bar('2012-06-04', 10.66, 11.21, 11.17)]]]);
const buy = (price: string) => ({
  date: '2012-06-04',
  account: 'Brokerage',
  type: 'buy' as const,
  symbol: 'AAPL',
  quantity: '15',
  price,
});

describe('tradePrices', () => {
  it('flags a buy at a twentieth of the low, with the factor', () => {
    const [problem] = tradePrices(healthInput({ rows, trades: [buy('0.55')] }));
    // 10.66 / 0.55 = 19.38…: within 8 % of 20.
    expect(problem).toMatchObject({ kind: 'trade_price', symbol: 'AAPL', accounts: ['Brokerage'], day: '2012-06-04' });
    expect(problem!.detail).toBe(
      "The buy of 15 AAPL on 2012-06-04 at 0.55 is 19.3818× below that day's range, 10.66 to 11.21 — a 20:1 ratio, as if a split were missing from the ledger or the prices.",
    );
  });

  it('reads a trade before a recorded split on the old scale, and lets a price near the range pass', () => {
    const splits = [{ date: '2014-06-09', symbol: 'AAPL', ratio: 7 }];
    expect(tradePrices(healthInput({ rows, splits, trades: [buy('78.19')] }))).toEqual([]);
    expect(tradePrices(healthInput({ rows, trades: [buy('78.19')] }))[0]?.detail).toContain('6.975× above');
    expect(tradePrices(healthInput({ rows, trades: [buy('15')] }))).toEqual([]);
    // No bar that day: nothing to compare with.
    expect(tradePrices(healthInput({ rows, trades: [{ ...buy('1'), date: '2012-06-05' }] }))).toEqual([]);
  });
});
