import { describe, expect, it } from 'vitest';
import { decimateLine, type LinePoint } from './decimate';

// A deterministic wobbly line with one spike and one dip placed by hand.
function line(n: number): LinePoint[] {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
  let value = 100;
  return Array.from({ length: n }, (_, i) => {
    value += random();
    const day = new Date(Date.UTC(2008, 0, 1 + i)).toISOString().slice(0, 10);
    return { time: day, value: i === 1234 ? 500 : i === 2345 ? 1 : value };
  });
}

describe('decimateLine', () => {
  it('keeps a short line as it is', () => {
    const short = line(900);
    expect(decimateLine(short, 1000)).toEqual(short);
  });

  it('keeps at most max points, in day order, with the ends, every extreme and each run’s low and high', () => {
    const long = line(3600);
    const max = 1000;
    const kept = decimateLine(long, max);
    expect(kept.length).toBeLessThanOrEqual(max);
    expect(kept.length).toBeGreaterThan(max - 10);
    expect(kept[0]).toEqual(long[0]);
    expect(kept.at(-1)).toEqual(long.at(-1));
    for (let i = 1; i < kept.length; i++) expect(kept[i]!.time > kept[i - 1]!.time).toBe(true);
    // Every kept point is one of the line's own.
    const own = new Map(long.map((p) => [p.time, p.value]));
    for (const p of kept) expect(own.get(p.time)).toBe(p.value);
    // The spike and the dip survive.
    expect(kept).toContainEqual(long[1234]);
    expect(kept).toContainEqual(long[2345]);
    // The highest and lowest of the whole line are the kept ones'; and any ten days in a row of
    // the line (a run is 7.2 days long) show their high and low among the kept points around them.
    const values = kept.map((p) => p.value);
    expect(Math.max(...values)).toBe(Math.max(...long.map((p) => p.value)));
    expect(Math.min(...values)).toBe(Math.min(...long.map((p) => p.value)));
    for (let start = 1; start + 10 < long.length - 1; start += 10) {
      const stretch = long.slice(start, start + 10);
      const near = kept.filter(
        (p) =>
          p.time >= long[Math.max(0, start - 8)]!.time && p.time <= long[Math.min(long.length - 1, start + 18)]!.time,
      );
      expect(Math.max(...near.map((p) => p.value))).toBeGreaterThanOrEqual(Math.max(...stretch.map((p) => p.value)));
      expect(Math.min(...near.map((p) => p.value))).toBeLessThanOrEqual(Math.min(...stretch.map((p) => p.value)));
    }
  });
});
