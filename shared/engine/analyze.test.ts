import { describe, expect, it } from 'vitest';
import type { Bar } from '../domain/bar';
import { analyze, AnalyzeError } from './analyze';
import { quotes } from './test-fixtures/quotes';

const rut = quotes('RUT');
const spy = quotes('SPY');

// Independent reference computations: brute force, with the host's Date for calendar arithmetic.
const dayMinus = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const lastOnOrBefore = (bars: Bar[], day: string) => bars.filter((b) => b.day <= day).at(-1) as Bar;

describe('analyze (RUT vs SPY, 2016-10-31 → 2016-11-14)', () => {
  const result = analyze({
    symbol: 'RUT',
    bars: rut,
    to: '2016-11-14',
    from: '2016-10-31',
    vs: { symbol: 'SPY', bars: spy },
  });
  const to = '2016-11-14';
  const span = rut.filter((b) => b.day > dayMinus(to, 365) && b.day <= to);

  it('has the contract’s keys, in order', () => {
    expect(Object.keys(result)).toEqual([
      'symbol',
      'to',
      'close',
      'change',
      'high',
      'low',
      'max_drawdown',
      'best_window',
    ]);
    expect(Object.keys(result.change ?? {})).toEqual([
      'from',
      'pct',
      'benchmark',
      'benchmark_pct',
      'relative_pct',
      'compared_from',
      'compared_to',
      'compared_pct',
      'benchmark_starts_late',
      'benchmark_ends_early',
    ]);
    expect(result).toMatchObject({ symbol: 'RUT', to, close: 1298.599976 });
  });

  it('reports the change, the benchmark’s and the relative change, unrounded', () => {
    expect(result.change?.from).toBe('2016-10-31');
    expect(result.change?.pct).toBe((1298.599976 / 1191.390015 - 1) * 100);
    expect(result.change?.pct).toBeCloseTo(9.0, 1);
    expect(result.change?.benchmark).toBe('SPY');
    expect(result.change?.benchmark_pct).toBe((216.589996 / 212.550003 - 1) * 100);
    const relative =
      ((1 + (result.change?.pct ?? 0) / 100) / (1 + (result.change?.benchmark_pct ?? 0) / 100) - 1) * 100;
    expect(result.change?.relative_pct).toBeCloseTo(relative, 12);
    expect(result.change?.relative_pct).toBeCloseTo(7.0, 0);
  });

  it('compares the close with every earlier close for a new high', () => {
    const earlier = rut.filter((b) => b.day < to);
    const max = Math.max(...earlier.map((b) => b.close));
    const first = earlier.find((b) => b.close === max) as Bar;
    expect(result.high.previous_high).toEqual({ date: first.day, close: max });
    expect(result.high.previous_high?.date).toBe('2015-06-23');
    expect(result.high.is_new_high).toBe(1298.599976 > max);
    expect(result.high.is_new_high).toBe(true);
  });

  it('finds the lowest close in the lookback and the distance above it', () => {
    const min = Math.min(...span.map((b) => b.close));
    expect(result.low).toEqual({
      date: (span.find((b) => b.close === min) as Bar).day,
      close: min,
      above_pct: (1298.599976 / min - 1) * 100,
    });
    expect(result.low.date).toBe('2016-02-11');
  });

  it('finds the maximum drawdown by brute force over every peak/trough pair', () => {
    let worst = 0;
    let pair: [Bar, Bar] | null = null;
    for (let i = 0; i < span.length; i++) {
      for (let j = i + 1; j < span.length; j++) {
        const pct = ((span[j] as Bar).close / (span[i] as Bar).close - 1) * 100;
        if (pct < worst) {
          worst = pct;
          pair = [span[i] as Bar, span[j] as Bar];
        }
      }
    }
    expect(result.max_drawdown.pct).toBeCloseTo(worst, 12);
    expect(result.max_drawdown.peak).toEqual({ date: pair?.[0].day, close: pair?.[0].close });
    expect(result.max_drawdown.trough).toEqual({ date: pair?.[1].day, close: pair?.[1].close });
  });

  it('finds the best 5-day window ending in the span by brute force', () => {
    let best: { pct: number; start: string; end: string } | null = null;
    for (const end of span) {
      const i = rut.indexOf(end);
      const start = rut[i - 5] as Bar;
      const pct = (end.close / start.close - 1) * 100;
      if (best === null || pct > best.pct) best = { pct, start: start.day, end: end.day };
    }
    expect(result.best_window).toEqual({ days: 5, ...best });
  });
});

describe('analyze: options and edges', () => {
  it('omits change without --from, and benchmark fields without --vs', () => {
    const plain = analyze({ symbol: 'RUT', bars: rut, to: '2016-11-14' });
    expect('change' in plain).toBe(false);
    const noVs = analyze({ symbol: 'RUT', bars: rut, to: '2016-11-14', from: '2016-10-31' });
    expect(Object.keys(noVs.change ?? {})).toEqual(['from', 'pct']);
  });

  it('uses the last close on or before dates that are not trading days', () => {
    const weekend = analyze({
      symbol: 'RUT',
      bars: rut,
      to: '2016-11-13',
      from: '2016-10-30',
      vs: { symbol: 'SPY', bars: spy },
    });
    expect(weekend.to).toBe('2016-11-11');
    expect(weekend.close).toBe(lastOnOrBefore(rut, '2016-11-13').close);
    expect(weekend.change?.from).toBe('2016-10-28');
    expect(weekend.change?.benchmark_pct).toBe(
      (lastOnOrBefore(spy, '2016-11-11').close / lastOnOrBefore(spy, '2016-10-28').close - 1) * 100,
    );
  });

  it('honours --lookback-days and --window', () => {
    const r = analyze({ symbol: 'RUT', bars: rut, to: '2016-11-14', lookbackDays: 30, window: 2 });
    const span = rut.filter((b) => b.day > '2016-10-15' && b.day <= '2016-11-14');
    expect(r.low.close).toBe(Math.min(...span.map((b) => b.close)));
    expect(r.best_window?.days).toBe(2);
    const ends = span.map((end) => (end.close / (rut[rut.indexOf(end) - 2] as Bar).close - 1) * 100);
    expect(r.best_window?.pct).toBe(Math.max(...ends));
  });

  it('errors name the symbol', () => {
    expect(() => analyze({ symbol: 'ZZZ', bars: [], to: '2016-11-14' })).toThrow(new AnalyzeError('ZZZ has no bars.'));
    expect(() => analyze({ symbol: 'RUT', bars: rut, to: '2001-01-01' })).toThrow(
      'RUT has no close on or before 2001-01-01',
    );
    expect(() =>
      analyze({ symbol: 'RUT', bars: rut, to: '2016-11-14', from: '2016-10-31', vs: { symbol: 'QQQQ', bars: [] } }),
    ).toThrow('QQQQ has no bars.');
    expect(() => analyze({ symbol: 'RUT', bars: rut, to: '2016-11-14', window: 0 })).toThrow(AnalyzeError);
    expect(() => analyze({ symbol: 'RUT', bars: rut, to: '14/11/2016' })).toThrow('to must be a date as YYYY-MM-DD');
  });

  it('a first bar is trivially a new high with no previous one, and short series have no window', () => {
    const r = analyze({ symbol: 'X', bars: [{ day: '2020-01-02', close: 10 }], to: '2020-01-02' });
    expect(r.high).toEqual({ is_new_high: true, previous_high: null });
    expect(r.best_window).toBeNull();
    expect(r.max_drawdown).toEqual({
      pct: 0,
      peak: { date: '2020-01-02', close: 10 },
      trough: { date: '2020-01-02', close: 10 },
    });
  });
});
