import { describe, expect, it } from 'vitest';
import { periodPerformance, resolvePeriod } from './periods';

// Weekdays from 2015-12-28 to 2017-01-06.
const days: string[] = [];
for (let t = Date.UTC(2015, 11, 28); t <= Date.UTC(2017, 0, 6); t += 86_400_000) {
  const d = new Date(t);
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
}

describe('resolvePeriod', () => {
  it('resolves presets from the close on or before the start', () => {
    const at = (period: Parameters<typeof resolvePeriod>[1]) => resolvePeriod(days, period, '2016-11-13');
    expect(at('1D')).toMatchObject({ from: '2016-11-10', to: '2016-11-11' }); // a Sunday asOf → Friday
    expect(at('1M')).toMatchObject({ from: '2016-10-11' }); // one month before the resolved end, 2016-11-11
    expect(at('3M')).toMatchObject({ from: '2016-08-11' });
    expect(at('YTD')).toMatchObject({ from: '2015-12-31' });
    expect(at('1Y')).toMatchObject({ from: '2015-12-28', to: '2016-11-11' }); // 2015-11-11 is before the data: clamped
    expect(at('ALL')).toMatchObject({ from: '2015-12-28', fromIndex: 0 });
    expect(resolvePeriod(days, { from: '2016-07-04', to: '2016-07-10' })).toMatchObject({
      from: '2016-07-04',
      to: '2016-07-08',
    });
    expect(resolvePeriod(days, '1M', '2015-01-01')).toBeNull();
  });

  it('measures the portfolio against a benchmark', () => {
    const values = days.map((_, i) => 100 * Math.pow(1.001, i));
    const flows = days.map(() => 0);
    const bench = days.map((day, i) => ({ day, close: 50 * Math.pow(1.0005, i) }));
    const result = periodPerformance(
      { days, values, flows },
      { from: '2016-01-04', to: '2016-02-04' },
      { benchmark: { symbol: 'SPY', bars: bench } },
    );
    const n = days.indexOf('2016-02-04') - days.indexOf('2016-01-04');
    expect(result?.twrPct).toBeCloseTo((Math.pow(1.001, n) - 1) * 100, 9);
    expect(result?.mwrPct).toBeCloseTo((Math.pow(1.001, n) - 1) * 100, 6); // no flows: MWR = TWR over the period
    expect(result?.benchmark?.pct).toBeCloseTo((Math.pow(1.0005, n) - 1) * 100, 9);
    expect(result?.benchmark?.relativePct).toBeCloseTo((Math.pow(1.001 / 1.0005, n) - 1) * 100, 9);
  });
});
