import { describe, expect, it } from 'vitest';
import { alignBars, indexOfDayOnOrBefore, indexOnOrBefore, lowerBound } from './bars';

const bars = [
  { day: '2020-01-02', close: 1 },
  { day: '2020-01-03', close: 2 },
  { day: '2020-01-06', close: 3 },
];

describe('bars', () => {
  it('finds the close on or before a day', () => {
    expect(indexOnOrBefore(bars, '2020-01-01')).toBe(-1);
    expect(indexOnOrBefore(bars, '2020-01-03')).toBe(1);
    expect(indexOnOrBefore(bars, '2020-01-05')).toBe(1);
    expect(indexOnOrBefore(bars, '2030-01-01')).toBe(2);
    const days = bars.map((b) => b.day);
    expect(lowerBound(days, '2020-01-04')).toBe(2);
    expect(indexOfDayOnOrBefore(days, '2020-01-04')).toBe(1);
    expect(indexOfDayOnOrBefore(days, '2020-01-06')).toBe(2);
  });

  it('aligns two series on their common days', () => {
    const other = [
      { day: '2020-01-03', close: 20 },
      { day: '2020-01-06', close: 30 },
      { day: '2020-01-07', close: 40 },
    ];
    const aligned = alignBars(bars, other);
    expect(aligned.days).toEqual(['2020-01-03', '2020-01-06']);
    expect(Array.from(aligned.a)).toEqual([2, 3]);
    expect(Array.from(aligned.b)).toEqual([20, 30]);
  });
});
