import { describe, expect, it } from 'vitest';
import type { SleeveWeights } from '../domain/sleeve';
import { computeTilt, rebalanceTrades, SP500_SLEEVE_WEIGHTS, WeightsError } from './tilt';

const holdings = [
  { symbol: 'AAPL', value: 6000, price: 120 },
  { symbol: 'MSFT', value: 4000, price: 50 },
  { symbol: 'JPM', value: 2000, price: 80 },
  { symbol: 'XOM', value: 8000, price: 90 },
];
const target: SleeveWeights = { large_cap_tech: 0.3, financials: 0.3, small_caps: 0.2, other: 0.2 };

describe('computeTilt', () => {
  it('weighs each sleeve against the benchmark and the target', () => {
    const tilt = computeTilt({ holdings, target });
    expect(tilt.total).toBe(20000);
    const row = (s: string) => tilt.sleeves.find((x) => x.sleeve === s);
    expect(row('large_cap_tech')).toMatchObject({
      value: 10000,
      weight: 0.5,
      benchmarkWeight: 0.25,
      targetWeight: 0.3,
    });
    expect(row('large_cap_tech')?.activeVsBenchmark).toBeCloseTo(0.25, 12); // overweight
    expect(row('large_cap_tech')?.activeVsTarget).toBeCloseTo(0.2, 12);
    expect(row('small_caps')).toMatchObject({ value: 0, weight: 0, activeVsTarget: -0.2 }); // underweight
    expect(row('other')?.activeVsBenchmark).toBeCloseTo(0.4 - 0.62, 12);
    expect(tilt.sleeves.reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(1, 12);
  });

  it('uses editable benchmark weights and honours overrides', () => {
    const tilt = computeTilt({
      holdings,
      benchmark: { large_cap_tech: 0.5, financials: 0.1, small_caps: 0, other: 0.4 },
      sleeveOf: (symbol) => (symbol === 'XOM' ? 'small_caps' : symbol === 'JPM' ? 'financials' : 'large_cap_tech'),
    });
    expect(tilt.sleeves.map((s) => [s.sleeve, s.weight])).toEqual([
      ['large_cap_tech', 0.5],
      ['financials', 0.1],
      ['small_caps', 0.4],
      ['other', 0],
    ]);
    expect(tilt.sleeves.find((s) => s.sleeve === 'large_cap_tech')?.activeVsBenchmark).toBe(0);
  });

  it('refuses weights that do not add up', () => {
    expect(() => computeTilt({ holdings, target: { ...target, other: 0.3 } })).toThrow(
      new WeightsError('Target weights: the weights add up to 110.0000 %, not 100 %.'),
    );
    expect(() =>
      computeTilt({ holdings, benchmark: { ...SP500_SLEEVE_WEIGHTS, small_caps: -0.1, other: 0.72 } }),
    ).toThrow(WeightsError);
  });
});

describe('rebalanceTrades', () => {
  it('moves each sleeve to target, pro rata within it, netting to zero cash', () => {
    const { trades, net } = rebalanceTrades({ holdings, target });
    expect(trades.map((t) => [t.symbol, t.amount.toFixed(2)])).toEqual([
      ['AAPL', '-2400.00'],
      ['MSFT', '-1600.00'],
      ['JPM', '4000.00'],
      [null, '4000.00'], // no small caps held: the user picks the instrument
      ['XOM', '-4000.00'],
    ]);
    expect(net.isZero()).toBe(true);
    expect(trades[0]?.quantity).toBeCloseTo(-20, 12);
  });

  it('nets to exactly zero on awkward amounts', () => {
    const awkward = [
      { symbol: 'AAPL', value: 1000 / 3 },
      { symbol: 'MSFT', value: 2000 / 3 },
      { symbol: 'GOOGL', value: 0.07 },
      { symbol: 'JPM', value: 12345.678 },
      { symbol: 'GS', value: 0.01 },
      { symbol: 'IWM', value: 999.995 },
    ];
    const thirds: SleeveWeights = { large_cap_tech: 1 / 3, financials: 1 / 3, small_caps: 1 / 3, other: 0 };
    const { trades, net } = rebalanceTrades({ holdings: awkward, target: thirds });
    expect(net.toString()).toBe('0');
    expect(trades.every((t) => t.amount.round(2).eq(t.amount))).toBe(true); // whole cents
    // After the trades each sleeve is within a cent of a third.
    const total = awkward.reduce((s, h) => s + Math.round(h.value * 100) / 100, 0);
    const tech = ['AAPL', 'MSFT', 'GOOGL'].reduce(
      (s, sym) => s + Math.round((awkward.find((h) => h.symbol === sym)?.value ?? 0) * 100) / 100,
      0,
    );
    const techTrades = trades.filter((t) => t.sleeve === 'large_cap_tech').reduce((s, t) => s + t.amount.toNumber(), 0);
    expect(Math.abs(tech + techTrades - total / 3)).toBeLessThanOrEqual(0.01 + 1e-9);
  });

  it('invests new cash: the trades then sum to it', () => {
    const { net } = rebalanceTrades({ holdings, target, cashToInvest: 1000.1 });
    expect(net.toFixed(2)).toBe('1000.10');
  });
});
