import { describe, expect, it } from 'vitest';
import type { Bar } from '../domain/bar';
import { normalise, quadrantOf, relativeRotation, weekEnds, type Quadrant } from './relative-rotation';
import { weekdayBars } from './test-fixtures/bars';
import { quotes } from './test-fixtures/quotes';

describe('relative rotation', () => {
  it('classifies the four quadrants', () => {
    expect(quadrantOf(101, 101)).toBe('leading');
    expect(quadrantOf(101, 99)).toBe('weakening');
    expect(quadrantOf(99, 99)).toBe('lagging');
    expect(quadrantOf(99, 101)).toBe('improving');
    expect(quadrantOf(100, 100)).toBe('leading');
  });

  it('takes each week’s last trading day', () => {
    // Thu 2016-11-24 was Thanksgiving; the week still ends on Friday the 25th.
    const days = ['2016-11-17', '2016-11-18', '2016-11-21', '2016-11-23', '2016-11-25', '2016-11-28'];
    expect(weekEnds(days)).toEqual([1, 4, 5]);
  });

  it('normalises to 100 + a z-score over the window', () => {
    const z = normalise([1, 2, 3], 3);
    expect(Number.isNaN(z[1])).toBe(true);
    expect(z[2]).toBeCloseTo(100 + 1 / Math.sqrt(2 / 3), 12);
  });

  it('rotates clockwise on a cycling relative strength: leading → weakening → lagging → improving', () => {
    const days = 5 * 160;
    const a = weekdayBars(
      '2010-01-04',
      Array.from({ length: days }, (_, i) => 100 * (1 + 0.1 * Math.sin((2 * Math.PI * i) / (5 * 40)))),
    );
    const b = weekdayBars(
      '2010-01-04',
      Array.from({ length: days }, () => 100),
    );
    const rotation = relativeRotation(a, b);
    const visits: Quadrant[] = [];
    for (const p of rotation.points) if (visits.at(-1) !== p.quadrant) visits.push(p.quadrant);
    const order: Quadrant[] = ['leading', 'weakening', 'lagging', 'improving'];
    expect(visits.length).toBeGreaterThan(8);
    for (let i = 1; i < visits.length; i++) {
      expect(order.indexOf(visits[i] as Quadrant)).toBe((order.indexOf(visits[i - 1] as Quadrant) + 1) % 4);
    }
    expect(rotation.tail).toHaveLength(8);
    expect(rotation.latest).toEqual(rotation.points.at(-1));
  });

  it('matches an independent computation of the documented formula on XLF vs XLK', () => {
    const xlf = quotes('XLF');
    const xlk = quotes('XLK');
    const rotation = relativeRotation(xlf, xlk, { window: 14, tail: 5 });
    // Weekly closes: the last common day before each Monday-started week changes.
    const k = new Map(xlk.map((bar) => [bar.day, bar.close]));
    const common = xlf.filter((bar) => k.has(bar.day));
    const weekOf = (day: string) => Math.floor((Date.parse(day) / 86_400_000 + 3) / 7);
    const weekly: Bar[] = common.filter(
      (bar, i) => i === common.length - 1 || weekOf((common[i + 1] as Bar).day) !== weekOf(bar.day),
    );
    const rs = weekly.map((bar) => (100 * bar.close) / (k.get(bar.day) as number));
    const z = (xs: number[], i: number) => {
      const w = xs.slice(i - 13, i + 1);
      const mean = w.reduce((s, x) => s + x, 0) / 14;
      const sd = Math.sqrt(w.reduce((s, x) => s + (x - mean) ** 2, 0) / 14);
      return 100 + ((xs[i] as number) - mean) / sd;
    };
    const ratio = rs.map((_, i) => (i >= 13 ? z(rs, i) : Number.NaN));
    const roc = ratio.map((r, i) => (i >= 14 ? 100 * (r / (ratio[i - 1] as number) - 1) : Number.NaN));
    const last = rs.length - 1;
    const momentum = z(roc, last);
    expect(rotation.latest?.day).toBe(weekly[last]?.day);
    expect(rotation.latest?.ratio).toBeCloseTo(ratio[last] as number, 9);
    expect(rotation.latest?.momentum).toBeCloseTo(momentum, 9);
    expect(rotation.latest?.quadrant).toBe(quadrantOf(ratio[last] as number, momentum));
    expect(rotation.tail.map((p) => p.day)).toEqual(weekly.slice(-5).map((b) => b.day));
    // First point: the momentum needs 14 roc values, which start in week 15.
    expect(rotation.points[0]?.day).toBe(weekly[27]?.day);
  });
});
