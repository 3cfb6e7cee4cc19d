import { describe, expect, it } from 'vitest';
import { relativeStrength } from './relative-strength';
import { weekdayBars } from './test-fixtures/bars';
import { quotes } from './test-fixtures/quotes';

describe('relativeStrength', () => {
  const a = weekdayBars('2020-01-06', [100, 100, 100, 110, 120, 110, 100, 90, 100]);
  const b = weekdayBars('2020-01-06', [50, 50, 50, 50, 50, 50, 50, 50, 50]);

  it('rebases the ratio to 100 and marks crossings of its moving average', () => {
    const rs = relativeStrength(a, b, { maPeriod: 3 });
    expect(Array.from(rs.ratio).map((x) => Number(x.toFixed(9)))).toEqual([100, 100, 100, 110, 120, 110, 100, 90, 100]);
    expect(rs.average[3]).toBeCloseTo(310 / 3, 12);
    // Above the average from day 3 (no change: the first side seen), below on day 5, above on day 8.
    expect(rs.crossings).toEqual([
      { day: a[5]?.day, index: 5, direction: 'down' },
      { day: a[8]?.day, index: 8, direction: 'up' },
    ]);
  });

  it('rebases at the last common day on or before the chosen date', () => {
    const rs = relativeStrength(a, b, { maPeriod: 3, base: a[3]?.day });
    expect(rs.baseDay).toBe(a[3]?.day);
    expect(rs.ratio[3]).toBe(100);
    expect(rs.ratio[4]).toBeCloseTo((120 / 110) * 100, 12);
    expect(relativeStrength(a, b, { base: '2020-01-11' }).baseDay).toBe('2020-01-10'); // a Saturday
  });

  it('uses only the days both series have', () => {
    const gappy = b.filter((_, i) => i !== 4);
    const rs = relativeStrength(a, gappy, { maPeriod: 3 });
    expect(rs.days).not.toContain(a[4]?.day);
    expect(rs.days).toHaveLength(8);
  });

  it('small caps vs the S&P 500 on real closes', () => {
    const rs = relativeStrength(quotes('RUT'), quotes('SPY'), { base: '2016-10-31' });
    const at = rs.days.indexOf('2016-11-14');
    expect(rs.ratio[rs.days.indexOf('2016-10-31')]).toBe(100);
    expect(rs.ratio[at]).toBeCloseTo((100 * (1298.599976 / 216.589996)) / (1191.390015 / 212.550003), 10);
    // The post-election rally: small caps crossed above their 50-day relative average.
    const nov = rs.crossings.filter((c) => c.day >= '2016-11-01' && c.day <= '2016-11-30');
    expect(nov.map((c) => c.direction)).toContain('up');
    // Crossings alternate.
    for (let i = 1; i < rs.crossings.length; i++)
      expect(rs.crossings[i]?.direction).not.toBe(rs.crossings[i - 1]?.direction);
  });
});
