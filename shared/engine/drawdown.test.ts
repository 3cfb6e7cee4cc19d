import { describe, expect, it } from 'vitest';
import { drawdownSeries, maxDrawdown } from './drawdown';
import { weekdayBars } from './test-fixtures/bars';

const bars = weekdayBars('2020-01-06', [100, 120, 90, 110, 130, 104, 125]);

describe('drawdown', () => {
  it('measures each close against the running peak', () => {
    expect(Array.from(drawdownSeries(bars)).map((x) => Number(x.toFixed(9)))).toEqual([
      0, 0, -25, -8.333333333, 0, -20, -3.846153846,
    ]);
  });

  it('finds the deepest peak-to-trough fall, with its days', () => {
    const worst = maxDrawdown(bars);
    expect(worst?.pct).toBeCloseTo(-25, 12);
    expect(worst?.peak).toEqual(bars[1]);
    expect(worst?.trough).toEqual(bars[2]);
    // Within a sub-span the earlier peak is out of sight.
    const later = maxDrawdown(bars, 3);
    expect(later?.pct).toBeCloseTo(-20, 12);
    expect(later?.peak.close).toBe(130);
  });

  it('is zero on a rising series and null on an empty one', () => {
    expect(maxDrawdown(weekdayBars('2020-01-06', [1, 2, 3]))).toMatchObject({
      pct: 0,
      peak: { close: 1 },
      trough: { close: 1 },
    });
    expect(maxDrawdown([])).toBeNull();
  });
});
