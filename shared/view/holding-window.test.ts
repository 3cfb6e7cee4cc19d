import { describe, expect, it } from 'vitest';
import { holdingWindow } from './holding-window';

// Closes of a holding and its benchmark over six days, and the page's relative line as the holding
// call gives it (100 on the first common day of the whole history).
const days = ['2016-10-27', '2016-10-28', '2016-10-31', '2016-11-01', '2016-11-14', '2016-11-15'];
const own = [50, 52, 51, 48, 56, 55];
const bench = [200, 201, 199, 198, 204, 203];
const points = (values: number[]) => values.map((value, i) => ({ time: days[i] as string, value }));
const relative = (ref: number[]) => points(own.map((a, i) => (100 * (a / (ref[i] as number))) / (own[0]! / ref[0]!)));
const holding = {
  prices: points(own),
  trades: [
    { day: '2016-10-27', account: 'A', side: 'buy' as const, quantity: '10', price: '50' },
    { day: '2016-11-01', account: 'A', side: 'buy' as const, quantity: '5', price: '48' },
  ],
  relative: { benchmark: { symbol: 'SPY', points: relative(bench) }, sleeve: null, sleeveNote: null },
};

describe('holdingWindow', () => {
  it('cuts the closes, trades and lines to Oct 31 – Nov 14 and states the window’s figures', () => {
    const w = holdingWindow(holding, { from: '2016-10-29', to: '2016-11-14' });
    expect(w?.shown).toEqual({ from: '2016-10-31', to: '2016-11-14' });
    expect(w?.prices.map((p) => p.value)).toEqual([51, 48, 56]);
    expect(w?.trades.map((t) => t.day)).toEqual(['2016-11-01']);
    // 51 → 56; the high and low on their days.
    expect(w?.stats.changePct).toBeCloseTo((56 / 51 - 1) * 100, 10);
    expect(w?.stats.high).toEqual({ time: '2016-11-14', value: 56 });
    expect(w?.stats.low).toEqual({ time: '2016-11-01', value: 48 });
    // Against SPY: the holding's growth over the benchmark's, from the window's first day.
    const rs = (56 / 51 / (204 / 199)) * 100 - 100;
    expect(w?.stats.relative).toHaveLength(1);
    expect(w?.stats.relative[0]).toMatchObject({ symbol: 'SPY', from: '2016-10-31', to: '2016-11-14' });
    expect(w?.stats.relative[0]?.changePct).toBeCloseTo(rs, 10);
    expect(w?.benchmark?.points[0]?.value).toBeCloseTo(100, 10);
    expect(w?.benchmark?.points.at(-1)?.value).toBeCloseTo(100 + rs, 10);
  });

  it('gives the sleeve’s line its own figure unless it is the benchmark again', () => {
    // XLF's prices end on Nov 14: its figure runs to there, and says so.
    const xlf = [20, 21, 20, 19, 23, 23];
    const withSleeve = {
      ...holding,
      relative: { ...holding.relative, sleeve: { symbol: 'XLF', points: relative(xlf).slice(0, 5) } },
    };
    const w = holdingWindow(withSleeve, { from: '2016-10-31', to: '2016-11-15' });
    expect(w?.stats.relative.map((r) => r.symbol)).toEqual(['SPY', 'XLF']);
    expect(w?.stats.relative[1]?.changePct).toBeCloseTo((56 / 51 / (23 / 20)) * 100 - 100, 10);
    expect(w?.stats.relative[1]).toMatchObject({ from: '2016-10-31', to: '2016-11-14' });
    const same = { ...holding, relative: { ...holding.relative, sleeve: holding.relative.benchmark } };
    expect(holdingWindow(same, { from: '2016-10-31', to: '2016-11-15' })?.stats.relative).toHaveLength(1);
  });

  it('is null for a window with no close', () => {
    expect(holdingWindow(holding, { from: '2016-11-02', to: '2016-11-13' })).toBeNull();
    expect(holdingWindow(holding, { from: '2020-01-01', to: '2020-12-31' })).toBeNull();
  });
});
