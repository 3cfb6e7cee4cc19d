import { describe, expect, it } from 'vitest';
import { bestWindow, worstWindow } from './close-windows';
import { weekdayBars } from './test-fixtures/bars';

const bars = weekdayBars('2020-01-06', [100, 90, 95, 120, 110, 80, 88]);

describe('K-day close-to-close windows', () => {
  it('finds the best and worst K-day moves', () => {
    expect(bestWindow(bars, 2)).toMatchObject({ days: 2, start: bars[1], end: bars[3] });
    expect(bestWindow(bars, 2)?.pct).toBeCloseTo((120 / 90 - 1) * 100, 12);
    expect(worstWindow(bars, 2)).toMatchObject({ start: bars[3], end: bars[5] });
    expect(worstWindow(bars, 1)?.pct).toBeCloseTo((80 / 110 - 1) * 100, 12);
  });

  it('lets the start precede the span, but not the data', () => {
    // Ends restricted to index 5..6; starts may be at 3..4.
    expect(bestWindow(bars, 2, 5)).toMatchObject({ start: bars[4], end: bars[6] });
    expect(bestWindow(bars, 7)).toBeNull();
    expect(() => bestWindow(bars, 0)).toThrow(RangeError);
  });
});
