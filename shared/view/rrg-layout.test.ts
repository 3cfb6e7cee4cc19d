import { describe, expect, it } from 'vitest';
import { niceCeil, placeHeadLabels, rrgDomain, rrgTicks, toPlot } from './rrg-layout';

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

describe('placeHeadLabels', () => {
  const box = { width: 640, height: 460 };
  /** The label's box as drawn (14 px line, baseline at y). */
  const rect = (l: { x: number; y: number; anchor: 'start' | 'end' }, width: number) => {
    const left = l.anchor === 'start' ? l.x : l.x - width;
    return { left, right: left + width, top: l.y - 11, bottom: l.y + 3 };
  };
  const overlap = (a: ReturnType<typeof rect>, b: ReturnType<typeof rect>) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('puts a lone label right of its dot, or left of it at the right edge', () => {
    expect(placeHeadLabels([{ x: 100, y: 100, width: 30 }], box)).toEqual([{ x: 108, y: 96, anchor: 'start' }]);
    expect(placeHeadLabels([{ x: 630, y: 100, width: 30 }], box)).toEqual([{ x: 622, y: 96, anchor: 'end' }]);
  });

  it('keeps twenty crowded labels apart, off the other dots and inside the box', () => {
    // Twenty dots in a 60 × 40 px crowd, as a Holdings graph gets.
    const heads = Array.from({ length: 20 }, (_, i) => ({
      x: 300 + (i % 5) * 15,
      y: 200 + Math.floor(i / 5) * 10,
      width: 28 + (i % 3) * 7,
    }));
    const labels = placeHeadLabels(heads, box);
    const rects = labels.map((l, i) => rect(l, heads[i]!.width));
    for (let a = 0; a < rects.length; a++) {
      const r = rects[a]!;
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(box.width);
      for (let b = a + 1; b < rects.length; b++) expect(overlap(r, rects[b]!)).toBe(false);
    }
    // A dot under another's label: at most a few in so tight a crowd.
    const covered = heads.filter((h, k) =>
      rects.some((r, i) => i !== k && h.x + 6 > r.left && h.x - 6 < r.right && h.y + 6 > r.top && h.y - 6 < r.bottom),
    ).length;
    expect(covered).toBeLessThanOrEqual(3);
  });
});
