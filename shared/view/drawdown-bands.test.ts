import { describe, expect, it } from 'vitest';
import { breakoutHighs, drawdownEpisodes, episodeBand } from './drawdown-bands';

const series = (values: number[]) =>
  values.map((value, i) => ({ time: `2024-01-${String(i + 1).padStart(2, '0')}`, value }));

describe('drawdownEpisodes', () => {
  it('spans peak to recovery, keeps the deepest day, and drops shallow dips', () => {
    const dd = series([0, -2, 0, -5, -12, -8, 0, 0, -15, -20]);
    expect(drawdownEpisodes(dd, 10)).toEqual([
      { start: '2024-01-03', trough: '2024-01-05', end: '2024-01-07', depthPct: -12 },
      { start: '2024-01-08', trough: '2024-01-10', end: null, depthPct: -20 },
    ]);
    expect(drawdownEpisodes(dd, 1)).toHaveLength(3);
  });

  it('handles a series that starts under water and one that never falls', () => {
    expect(drawdownEpisodes(series([-11, -3, 0]), 10)).toEqual([
      { start: '2024-01-01', trough: '2024-01-01', end: '2024-01-03', depthPct: -11 },
    ]);
    expect(drawdownEpisodes(series([0, 0, 0]), 0)).toEqual([]);
  });
});

describe('episodeBand', () => {
  it('is 1 from each peak to its recovery, inclusive, and 0 elsewhere', () => {
    const dd = series([0, -2, 0, -5, -12, -8, 0, 0, -15, -20]);
    const band = episodeBand(
      dd.map((p) => p.time),
      drawdownEpisodes(dd, 10),
    );
    expect(band.map((p) => p.value)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('breakoutHighs', () => {
  it('keeps the first high after a pause and the latest one', () => {
    const times = series(Array(30).fill(0)).map((p) => p.time);
    const highs = [times[0], times[1], times[2], times[15], times[16], times[20]] as string[];
    expect(breakoutHighs(times, highs, 10)).toEqual([times[0], times[15], times[20]]);
    expect(breakoutHighs(times, [], 10)).toEqual([]);
  });
});
