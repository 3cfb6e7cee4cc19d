import { describe, expect, it } from 'vitest';
import { alignBars } from './bars';
import { riskFigures } from './risk';
import { quotes } from './test-fixtures/quotes';

/** Daily returns of XLF and SPY over 2016 (real closes), on the days both trade. */
function returns2016() {
  const pick = (s: 'XLF' | 'SPY') => quotes(s).filter((b) => b.day >= '2015-12-31' && b.day <= '2016-12-30');
  const { a, b } = alignBars(pick('XLF'), pick('SPY'));
  const ra: number[] = [];
  const rb: number[] = [];
  for (let i = 1; i < a.length; i++) {
    ra.push((a[i] as number) / (a[i - 1] as number) - 1);
    rb.push((b[i] as number) / (b[i - 1] as number) - 1);
  }
  return { ra, rb };
}

describe('riskFigures', () => {
  it('XLF against SPY over 2016 matches a one-pass computation written here', () => {
    const { ra, rb } = returns2016();
    const n = ra.length;
    // Independent: one-pass sums (Σx, Σx², Σxy) instead of the engine's two-pass deviations.
    let sx = 0,
      sy = 0,
      sxx = 0,
      syy = 0,
      sxy = 0,
      sd = 0,
      sdd = 0;
    for (let i = 0; i < n; i++) {
      const x = ra[i] as number;
      const y = rb[i] as number;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      sd += x - y;
      sdd += (x - y) ** 2;
    }
    const varX = (sxx - (sx * sx) / n) / (n - 1);
    const varY = (syy - (sy * sy) / n) / (n - 1);
    const cov = (sxy - (sx * sy) / n) / (n - 1);
    const varD = (sdd - (sd * sd) / n) / (n - 1);
    const rfDaily = 0.01 / 252;
    const beta = cov / varY;
    const r = riskFigures(ra, rb, 0.01);
    expect(r?.days).toBe(n);
    expect(r?.volatility).toBeCloseTo(Math.sqrt(varX * 252), 10);
    expect(r?.beta).toBeCloseTo(beta, 10);
    expect(r?.sharpe).toBeCloseTo(((sx / n - rfDaily) / Math.sqrt(varX)) * Math.sqrt(252), 10);
    expect(r?.alpha).toBeCloseTo((sx / n - rfDaily - beta * (sy / n - rfDaily)) * 252, 10);
    expect(r?.trackingError).toBeCloseTo(Math.sqrt(varD * 252), 10);
    expect(r?.informationRatio).toBeCloseTo(((sd / n) * 252) / Math.sqrt(varD * 252), 10);
    // Banks are more volatile than the market and moved with it in 2016.
    expect(beta).toBeGreaterThan(1);
  });

  it('max drawdown: the deepest fall of the compounded returns from a prior peak', () => {
    // 100 → 110 → 88 → 96.8 → 77.44: peak 110, trough 77.44, −29.6 %.
    const r = riskFigures([0.1, -0.2, 0.1, -0.2], [0, 0.01, 0, -0.01]);
    expect(r?.maxDrawdown).toBeCloseTo(77.44 / 110 - 1, 12);
  });

  it('has nothing to say with fewer than two days, and no beta when the benchmark is flat', () => {
    expect(riskFigures([0.01], [0.02])).toBeNull();
    const flat = riskFigures([0.01, 0.02], [0, 0]);
    expect(flat?.beta).toBeNull();
    expect(flat?.alpha).toBeNull();
  });
});
