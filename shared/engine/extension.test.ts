import { describe, expect, it } from 'vitest';
import { extensionSeries } from './extension';
import { sma } from './moving-average';
import { weekdayBars } from './test-fixtures/bars';

describe('moving average and extension', () => {
  it('averages over a full window only', () => {
    expect(Array.from(sma([1, 2, 3, 4, 5], 3)).map((x) => (Number.isNaN(x) ? null : x))).toEqual([null, null, 2, 3, 4]);
    expect(() => sma([1], 0)).toThrow(RangeError);
  });

  it('stays exact over a long series (no creeping running-sum error)', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => 0.1 * ((i % 7) + 1));
    const averages = sma(values, 7);
    expect(averages[19_999]).toBeCloseTo(0.4, 12);
  });

  it('flags closes 10 % or more from their 50-day average', () => {
    const closes = [...Array.from({ length: 50 }, () => 100), 113, 90];
    const out = extensionSeries(weekdayBars('2020-01-06', closes));
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ distancePct: 0, extended: null });
    expect(out[1]?.average).toBeCloseTo(100.26, 12);
    expect(out[1]?.extended).toBe('above');
    expect(out[2]?.distancePct).toBeCloseTo((90 / ((48 * 100 + 113 + 90) / 50) - 1) * 100, 12);
    expect(out[2]?.extended).toBe('below'); // −10.05 %
    // A 2-day average (101.5) puts 90 at −11.3 %: under a 12 % threshold that is not extended.
    expect(extensionSeries(weekdayBars('2020-01-06', closes), { period: 2, thresholdPct: 12 }).at(-1)?.extended).toBe(
      null,
    );
  });
});
