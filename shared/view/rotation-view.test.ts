import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { Bar } from '../domain/bar';
import { rotationView } from './rotation-view';

const day = (i: number) => `2024-01-0${i + 1}`;
const bars = (closes: number[]): Bar[] => closes.map((close, i) => ({ day: day(i), close }));

// The range starts on the second day: the first close (13) is history the chart does not show.
const subject = bars([13, 12, 11, 15, 9, 10, 13, 14]);
const vs = bars([19, 20, 22, 22, 20, 25, 26, 28]);
const input = {
  subject: { kind: 'symbol', symbol: 'RUT' },
  vs: { kind: 'sleeve', sleeve: 'large_cap_tech' },
  from: day(1),
  average: 2,
} as const;
const shown = [12, 11, 15, 9, 10, 13, 14];
const vsShown = [20, 22, 22, 20, 25, 26, 28];
const days = shown.map((_, i) => day(i + 1));

const expectClose = (actual: { time: string; value: number }[], expected: number[], times = days) => {
  expect(actual.map((p) => p.time)).toEqual(times.slice(times.length - expected.length));
  actual.forEach((p, i) => expect(p.value).toBeCloseTo(expected[i] as number, 10));
};

describe('rotationView', () => {
  const view = rotationView(input, subject, vs);

  it('labels both sides and draws the range’s prices with their moving average, warmed up before it', () => {
    expect(view.subjectLabel).toBe('RUT');
    expect(view.vsLabel).toBe('Large-cap tech (your sleeve)');
    expectClose(view.price, shown);
    // Warmed up: the first day shown averages with the close before the range (13).
    const withBefore = [13, ...shown];
    expectClose(
      view.priceAverage,
      shown.map((c, i) => (c + (withBefore[i] as number)) / 2),
    );
  });

  it('draws relative strength as 100 on the first day shown, with its average', () => {
    const ratio = shown.map((c, i) => (100 * (c / (vsShown[i] as number))) / (12 / 20));
    expectClose(view.ratio, ratio);
    // The average is full from the first day shown: the day before the range is in its window.
    const withBefore = [(100 * (13 / 19)) / (12 / 20), ...ratio];
    expectClose(
      view.ratioAverage,
      ratio.map((r, i) => (r + (withBefore[i] as number)) / 2),
    );
    for (const change of view.regimeChanges) expect(days).toContain(change.time);
  });

  it('measures drawdowns, new highs against all history, and the lowest close in the range', () => {
    let peak = -Infinity;
    expectClose(
      view.drawdown,
      shown.map((c) => {
        peak = Math.max(peak, c);
        return (c / peak - 1) * 100;
      }),
    );
    expect(view.maxDrawdown).toEqual({
      pct: (9 / 15 - 1) * 100,
      peak: { day: day(3), close: 15 },
      trough: { day: day(4), close: 9 },
    });
    // 12 on the first day shown is below the 13 before it: only 15 is a new high.
    expect(view.newHighs).toEqual([day(3)]);
    expect(view.lowest).toEqual({ day: day(4), close: 9, abovePct: (14 / 9 - 1) * 100 });
  });

  it('sums the range up: changes, relative change, distance from the average, best and worst 5 days', () => {
    const change = (14 / 12 - 1) * 100;
    const vsChange = (28 / 20 - 1) * 100;
    expect(view.stats).toMatchObject({ from: day(1), to: day(7), extended: null });
    expect(view.stats.changePct).toBeCloseTo(change, 10);
    expect(view.stats.vsChangePct).toBeCloseTo(vsChange, 10);
    expect(view.stats.relativePct).toBeCloseTo(((1 + change / 100) / (1 + vsChange / 100) - 1) * 100, 10);
    expect(view.stats.distanceFromAveragePct).toBeCloseTo((14 / 13.5 - 1) * 100, 10);
    // Five trading days apart within the range: 12 → 13 and 11 → 14.
    expect(view.stats.best).toMatchObject({ days: 5, start: day(2), end: day(7) });
    expect(view.stats.best?.pct).toBeCloseTo((14 / 11 - 1) * 100, 10);
    expect(view.stats.worst).toMatchObject({ days: 5, start: day(1), end: day(6) });
    expect(view.stats.worst?.pct).toBeCloseTo((13 / 12 - 1) * 100, 10);
  });

  it('has no comparison without the other side’s closes, and refuses a range without prices', () => {
    const alone = rotationView(input, subject, []);
    expect(alone.ratio).toEqual([]);
    expect(alone.stats.vsChangePct).toBeNull();
    expect(alone.stats.relativePct).toBeNull();
    expect(() => rotationView({ ...input, from: '2025-01-01' }, subject, vs)).toThrow(
      new ApiError('not_found', 'RUT has no prices in that range.'),
    );
  });
});
