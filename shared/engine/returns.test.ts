import { describe, expect, it } from 'vitest';
import { dailyReturn, moneyWeightedReturn, timeWeightedReturn, twrIndex, xirr, XirrError } from './returns';

describe('xirr', () => {
  it("matches Excel's documented example: 37.34 %", () => {
    const rate = xirr([
      { day: '2008-01-01', amount: -10000 },
      { day: '2008-03-01', amount: 2750 },
      { day: '2008-10-30', amount: 4250 },
      { day: '2009-02-15', amount: 3250 },
      { day: '2009-04-01', amount: 2750 },
    ]);
    expect(Number((rate * 100).toFixed(2))).toBe(37.34);
    expect(rate).toBeCloseTo(0.373362535, 8); // the full figure Excel shows
  });

  it('solves losses and refuses flows of one sign', () => {
    const loss = xirr([
      { day: '2020-01-01', amount: -1000 },
      { day: '2021-01-01', amount: 500 },
    ]);
    expect(loss).toBeCloseTo(Math.pow(0.5, 365 / 366) - 1, 10);
    expect(() =>
      xirr([
        { day: '2020-01-01', amount: 1 },
        { day: '2021-01-01', amount: 1 },
      ]),
    ).toThrow(XirrError);
    // From a poor guess Newton leaves the domain on a 90 % loss; bisection still finds it.
    const crash = xirr(
      [
        { day: '2021-01-01', amount: -1000 },
        { day: '2022-01-01', amount: 100 },
      ],
      5,
    );
    expect(crash).toBeCloseTo(-0.9, 9);
  });
});

describe('time-weighted return', () => {
  // 100 in, +10 %; 1000 more arrives at the start of day 2 and earns nothing; then +10 % again.
  const values = [100, 110, 1110, 1221];
  const flows = [100, 0, 1000, 0];

  it('neutralises flows: 1.1 × 1.0 × 1.1', () => {
    expect(dailyReturn(values, flows, 2)).toBe(0);
    expect(timeWeightedReturn(values, flows, 0, 3)).toBeCloseTo(0.21, 12);
    expect(timeWeightedReturn(values, flows, 1, 3)).toBeCloseTo(0.1, 12);
    expect(Array.from(twrIndex(values, flows)).map((v) => Number(v.toFixed(6)))).toEqual([100, 110, 110, 121]);
  });

  it('counts the first day from the money paid in, and nothing when nothing is at work', () => {
    expect(dailyReturn([105], [100], 0)).toBeCloseTo(0.05, 12);
    expect(dailyReturn([0, 0], [0, 0], 1)).toBe(0);
  });

  it('money-weighted weights the big deposit, which earned more than the average', () => {
    const days = ['2020-01-01', '2020-07-01', '2021-01-01', '2021-07-01'];
    const mwr = moneyWeightedReturn(days, values, flows, 0, 3);
    expect(mwr).not.toBeNull();
    // Check the rate against its definition rather than a copied figure.
    const r = mwr?.annualized ?? Number.NaN;
    const years = (a: string) => (Date.parse(a) - Date.parse(days[0] as string)) / 86_400_000 / 365;
    const npv =
      -100 - 1000 / Math.pow(1 + r, years(days[2] as string)) + 1221 / Math.pow(1 + r, years(days[3] as string));
    expect(Math.abs(npv)).toBeLessThan(1e-6);
    expect(r).toBeGreaterThan(Math.pow(1.21, 365 / 547) - 1); // the annualised TWR
  });
});
