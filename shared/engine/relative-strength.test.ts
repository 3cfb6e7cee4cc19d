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

  it('from a day on: the average full on that day, warmed up on the days before, and the change on it kept', () => {
    // Day 5 is the first shown. Its average (110 + 120 + 110) / 3 is over days 3 to 5, and its
    // crossing (down) is seen only with the days before it.
    const rs = relativeStrength(a, b, { maPeriod: 3, from: a[5]?.day });
    expect(rs.days).toEqual(a.slice(5).map((bar) => bar.day));
    expect(rs.average[0]).toBeCloseTo(340 / 3, 12);
    expect(rs.crossings).toEqual([
      { day: a[5]?.day, index: 0, direction: 'down' },
      { day: a[8]?.day, index: 3, direction: 'up' },
    ]);
    // Cut first, the same days have no average for two days and no change on day 5.
    const cut = relativeStrength(a.slice(5), b.slice(5), { maPeriod: 3 });
    expect(Number.isNaN(cut.average[0])).toBe(true);
    expect(cut.crossings.map((c) => c.day)).not.toContain(a[5]?.day);
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
