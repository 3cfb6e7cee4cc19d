import { describe, expect, it } from 'vitest';
import { niceCeil, placeLabels, rrgDomain, rrgTicks, toPlot } from './rrg-layout';

describe('rrg layout', () => {
  it('centres 100/100 and reaches every point with a margin, on round numbers', () => {
    const domain = rrgDomain([
      { ratio: 103.2, momentum: 99 },
      { ratio: 97, momentum: 101.5 },
    ]);
    expect(domain).toEqual({ halfRatio: 5, halfMomentum: 2 });
    expect(rrgDomain([])).toEqual({ halfRatio: 2, halfMomentum: 2 });
  });

  it('maps 100/100 to the middle and higher momentum upwards', () => {
    const box = { width: 400, height: 300, pad: 20 };
    const domain = { halfRatio: 4, halfMomentum: 2 };
    expect(toPlot({ ratio: 100, momentum: 100 }, domain, box)).toEqual({ x: 200, y: 150 });
    expect(toPlot({ ratio: 104, momentum: 102 }, domain, box)).toEqual({ x: 380, y: 20 });
    expect(toPlot({ ratio: 96, momentum: 98 }, domain, box)).toEqual({ x: 20, y: 280 });
  });

  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.3, 1, 2.1, 3, 7, 12].map((x) => niceCeil(x))).toEqual([0.5, 1, 2.5, 5, 10, 20]);
    expect(rrgTicks(4)).toEqual([96, 98, 100, 102, 104]);
  });
});

describe('placeLabels', () => {
  it('leaves apart labels alone and moves a clashing one by a line', () => {
    expect(
      placeLabels([
        { x: 10, y: 100, width: 50 },
        { x: 200, y: 102, width: 50 },
      ]),
    ).toEqual([100, 102]);
    const [a, b, c] = placeLabels([
      { x: 10, y: 100, width: 80 },
      { x: 40, y: 104, width: 80 },
      { x: 30, y: 96, width: 80 },
    ]);
    expect(c).toBe(96);
    expect(Math.abs((a as number) - 96)).toBeGreaterThanOrEqual(14);
    expect(Math.abs((b as number) - (a as number))).toBeGreaterThanOrEqual(14);
    expect(Math.abs((b as number) - 96)).toBeGreaterThanOrEqual(14);
  });
});
