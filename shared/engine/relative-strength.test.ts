import { describe, expect, it } from 'vitest';
import { crossings, DEFAULT_RS_CONFIRM, relativeStrength } from './relative-strength';
import { weekdayBars } from './test-fixtures/bars';
import { quotes } from './test-fixtures/quotes';

describe('relativeStrength', () => {
  const a = weekdayBars('2020-01-06', [100, 100, 100, 110, 120, 110, 100, 90, 100]);
  const b = weekdayBars('2020-01-06', [50, 50, 50, 50, 50, 50, 50, 50, 50]);

  it('rebases the ratio to 100 and marks crossings of its moving average', () => {
    const rs = relativeStrength(a, b, { maPeriod: 3, confirm: 1 });
    expect(Array.from(rs.ratio).map((x) => Number(x.toFixed(9)))).toEqual([100, 100, 100, 110, 120, 110, 100, 90, 100]);
    expect(rs.average[3]).toBeCloseTo(310 / 3, 12);
    // Above the average from day 3 (no change: the first side seen), below on day 5, above on day 8.
    expect(rs.crossings).toEqual([
      { day: a[5]?.day, index: 5, direction: 'down', confirmedDay: a[5]?.day },
      { day: a[8]?.day, index: 8, direction: 'up', confirmedDay: a[8]?.day },
    ]);
  });

  it('from a day on: the average full on that day, warmed up on the days before, and the change on it kept', () => {
    // Day 5 is the first shown. Its average (110 + 120 + 110) / 3 is over days 3 to 5, and its
    // crossing (down) is seen only with the days before it.
    const rs = relativeStrength(a, b, { maPeriod: 3, from: a[5]?.day, confirm: 1 });
    expect(rs.days).toEqual(a.slice(5).map((bar) => bar.day));
    expect(rs.average[0]).toBeCloseTo(340 / 3, 12);
    expect(rs.crossings).toEqual([
      { day: a[5]?.day, index: 0, direction: 'down', confirmedDay: a[5]?.day },
      { day: a[8]?.day, index: 3, direction: 'up', confirmedDay: a[8]?.day },
    ]);
    // Cut first, the same days have no average for two days and no change on day 5.
    const cut = relativeStrength(a.slice(5), b.slice(5), { maPeriod: 3, confirm: 1 });
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

  it('counts no regime change for a line that wiggles across its average, however often', () => {
    // Flat benchmark; A around 100 with runs of 1 to 4 closes on each side of its 3-day average.
    const closes: number[] = [];
    for (let k = 0; k < 60; k++) for (let j = 0; j <= k % 4; j++) closes.push(k % 2 === 0 ? 101 : 99);
    const wiggle = weekdayBars('2020-01-06', closes);
    const flat = weekdayBars(
      '2020-01-06',
      closes.map(() => 50),
    );
    const raw = relativeStrength(wiggle, flat, { maPeriod: 3, confirm: 1 });
    expect(raw.crossings.length).toBeGreaterThan(50); // what the chart used to draw
    const rs = relativeStrength(wiggle, flat, { maPeriod: 3 });
    expect(DEFAULT_RS_CONFIRM).toBe(5);
    expect(rs.crossings).toEqual([]);
    expect(rs.regime).not.toBeNull();
  });

  it('counts a crossing that holds five closes, dated on its first close and confirmed on its fifth', () => {
    const line = [1, 1, 1, 3, 3, 1, 3, 3, 3, 3, 3, 3];
    const days = line.map((_, i) => `d${String(i).padStart(2, '0')}`);
    const average = line.map(() => 2);
    expect(crossings(days, line, average, 5)).toEqual([{ day: 'd06', index: 6, direction: 'up', confirmedDay: 'd10' }]);
    // NaN and exactly-on closes neither break nor extend the run.
    const gappy = [1, 3, 3, Number.NaN, 2, 3, 3, 3];
    expect(
      crossings(
        days.slice(0, 8),
        gappy,
        gappy.map(() => 2),
        5,
      ),
    ).toEqual([{ day: 'd01', index: 1, direction: 'up', confirmedDay: 'd07' }]);
  });

  it('XLF against SPY through the November 2016 rally: one sustained crossing, dated, checked by hand', () => {
    const xlf = quotes('XLF');
    const spy = quotes('SPY');
    const spyClose = new Map(spy.map((b) => [b.day, b.close]));
    const common = xlf.filter((b) => spyClose.has(b.day));
    const ratio = common.map((b) => b.close / (spyClose.get(b.day) as number));
    // Side of the ratio against its 50-day simple average on a day.
    const side = (day: string) => {
      const i = common.findIndex((b) => b.day === day);
      let sum = 0;
      for (let j = i - 49; j <= i; j++) sum += ratio[j] as number;
      return Math.sign((ratio[i] as number) - sum / 50);
    };
    const days = common.map((b) => b.day).filter((d) => d >= '2016-10-01' && d <= '2017-01-13');
    // Below on Oct 3, then above on every close from Oct 4 through the election rally.
    expect(side('2016-10-03')).toBe(-1);
    expect(days.filter((d) => d >= '2016-10-04').every((d) => side(d) === 1)).toBe(true);
    const rs = relativeStrength(xlf, spy);
    const inRally = rs.crossings.filter((c) => c.day >= '2016-10-01' && c.day <= '2017-01-13');
    expect(inRally.map(({ day, direction, confirmedDay }) => ({ day, direction, confirmedDay }))).toEqual([
      // The fifth close in a row above: Oct 4, 5, 6, 7, 10.
      { day: '2016-10-04', direction: 'up', confirmedDay: '2016-10-10' },
    ]);
    // In August a one-day dip below (Aug 12) and back (Aug 15) was two arrows; now it is none.
    const raw = relativeStrength(xlf, spy, { confirm: 1 }).crossings.filter((c) => c.day.startsWith('2016-08'));
    expect(raw.map((c) => c.day)).toEqual(['2016-08-05', '2016-08-12', '2016-08-15']);
    expect(rs.crossings.filter((c) => c.day.startsWith('2016-08')).map((c) => c.day)).toEqual(['2016-08-05']);
  });
});
