import { describe, expect, it } from 'vitest';
import type { Bar } from '../domain/bar';
import type { Sleeve } from '../domain/sleeve';
import { attribution, AttributionError, blendedReturn } from './attribution';

const days = ['2016-11-01', '2016-11-02', '2016-11-03'];
const bars = (closes: number[]): Bar[] => closes.map((close, i) => ({ day: days[i] as string, close }));
const flat = { symbol: 'SPY', bars: bars([50, 50, 50]) };

// Tech 60 / financials 40 on day 0; tech +10 % then −5 %, financials −5 % then +10 %.
const input = {
  days,
  sleeves: [
    { sleeve: 'large_cap_tech' as Sleeve, values: [60, 66, 62.7], index: [100, 110, 104.5] },
    { sleeve: 'financials' as Sleeve, values: [40, 38, 41.8], index: [100, 95, 104.5] },
  ],
  indexes: {
    // +5 % then +2 %; +2 % then −1 %.
    large_cap_tech: { symbol: 'XLK', bars: bars([100, 105, 107.1]) },
    financials: { symbol: 'XLF', bars: bars([50, 51, 50.49]) },
    small_caps: flat,
    other: flat,
  },
  benchmarkWeights: { large_cap_tech: 0.5, financials: 0.5, small_caps: 0, other: 0 },
};

describe('attribution', () => {
  it('one day: the Brinson–Fachler effects worked by hand', () => {
    const r = attribution({ ...input, from: '2016-11-01', to: '2016-11-02' });
    // R_b = 0.5·5 % + 0.5·2 % = 3.5 %; R_p = 0.6·10 % + 0.4·(−5 %) = 4 %.
    expect(r.benchmarkReturn).toBeCloseTo(0.035, 12);
    expect(r.portfolioReturn).toBeCloseTo(0.04, 12);
    const tech = r.sleeves.find((s) => s.sleeve === 'large_cap_tech');
    const fin = r.sleeves.find((s) => s.sleeve === 'financials');
    // Allocation (w_p − w_b)(R_b,s − R_b): 0.1 · 1.5 % and −0.1 · −1.5 %.
    expect(tech?.allocation).toBeCloseTo(0.0015, 12);
    expect(fin?.allocation).toBeCloseTo(0.0015, 12);
    // Selection w_b (R_p,s − R_b,s): 0.5 · 5 % and 0.5 · −7 %.
    expect(tech?.selection).toBeCloseTo(0.025, 12);
    expect(fin?.selection).toBeCloseTo(-0.035, 12);
    // Interaction (w_p − w_b)(R_p,s − R_b,s): 0.1 · 5 % and −0.1 · −7 %.
    expect(tech?.interaction).toBeCloseTo(0.005, 12);
    expect(fin?.interaction).toBeCloseTo(0.007, 12);
    expect(tech?.portfolioWeight).toBeCloseTo(0.6, 12);
  });

  it('two days: Cariño-linked effects add up to the compounded active return', () => {
    const r = attribution({ ...input, from: '2016-11-01', to: '2016-11-03' });
    // Day 2: weights 66/104 and 38/104; R_p = (62.7 + 41.8)/104 − 1; R_b = 0.5·2 % + 0.5·(−1 %).
    const rp2 = 104.5 / 104 - 1;
    const rb2 = 0.005;
    const Rp = 1.04 * (1 + rp2) - 1;
    const Rb = 1.035 * (1 + rb2) - 1;
    expect(r.portfolioReturn).toBeCloseTo(Rp, 12);
    expect(r.benchmarkReturn).toBeCloseTo(Rb, 12);
    const k = (a: number, b: number) => (Math.log(1 + a) - Math.log(1 + b)) / (a - b);
    const K = k(Rp, Rb);
    // Tech selection, by hand: day 1 0.5·(10 % − 5 %), day 2 0.5·(−5 % − 2 %), each scaled k_t / K.
    const techSelection = (0.5 * 0.05 * k(0.04, 0.035) + 0.5 * -0.07 * k(rp2, rb2)) / K;
    expect(r.sleeves.find((s) => s.sleeve === 'large_cap_tech')?.selection).toBeCloseTo(techSelection, 12);
    const sum = r.sleeves.reduce((a, s) => a + s.allocation + s.selection + s.interaction, 0);
    expect(sum).toBeCloseTo(Rp - Rb, 12);
    expect(r.daily.days).toEqual(['2016-11-02', '2016-11-03']);
  });

  it('the blended benchmark rebalances to the weights each day', () => {
    const w = { large_cap_tech: 0.4, financials: 0.15, small_caps: 0.15, other: 0.3 };
    const expected = (1 + 0.4 * 0.05 + 0.15 * 0.02) * (1 + 0.4 * 0.02 + 0.15 * -0.01) - 1;
    expect(blendedReturn(days, input.indexes, w, '2016-11-01', '2016-11-03')).toBeCloseTo(expected, 12);
  });

  it('names the index with no closes and refuses a window without a trading day', () => {
    const late = { ...input.indexes, financials: { symbol: 'XLF', bars: bars([0, 51, 50.49]).slice(1) } };
    expect(() => attribution({ ...input, indexes: late, from: '2016-11-01', to: '2016-11-03' })).toThrow(
      /XLF has no close on or before 2016-11-01/,
    );
    expect(() => attribution({ ...input, from: '2016-11-02', to: '2016-11-02' })).toThrow(AttributionError);
  });
});
