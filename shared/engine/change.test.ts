import { describe, expect, it } from 'vitest';
import { changeBetween, relativePct } from './change';
import { weekdayBars } from './test-fixtures/bars';

describe('changeBetween', () => {
  const bars = weekdayBars('2020-01-06', [100, 102, 105, 99, 110]); // Mon 6th … Fri 10th

  it('uses the closes on or before each date', () => {
    expect(changeBetween(bars, '2020-01-07', '2020-01-12')).toMatchObject({ from: bars[1], to: bars[4] });
    expect(changeBetween(bars, '2020-01-07', '2020-01-12')?.pct).toBeCloseTo((110 / 102 - 1) * 100, 12);
    expect(changeBetween(bars, '2020-01-01', '2020-01-10')).toBeNull();
  });

  it('relative change is a ratio of growths, not a difference', () => {
    expect(relativePct(10, 10)).toBeCloseTo(0, 12);
    expect(relativePct(21, 10)).toBeCloseTo(10, 12);
    expect(relativePct(-50, 0)).toBeCloseTo(-50, 12);
  });
});
