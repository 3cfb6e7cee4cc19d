import { describe, expect, it } from 'vitest';
import type { RotationOutput } from '../../../../shared/api/portfolio-schemas';
import type { ChartPalette } from '../../charts/chart-theme';
import { DEFAULT_CHART_OPTIONS, rotationSeries } from './rotation-series';

const palette: ChartPalette = {
  primary: 'blue',
  secondary: 'orange',
  tertiary: 'purple',
  muted: 'grey',
  gain: 'green',
  loss: 'red',
  shade: 'pink',
  primaryFill: 'lightblue',
};

const day = (i: number) => `2024-01-${String(i + 1).padStart(2, '0')}`;
const closes = [100, 110, 99, 95, 111, 112, 90, 100, 113, 105];
let peak = 0;
const data: RotationOutput = {
  subjectLabel: 'RUT',
  vsLabel: 'SPY',
  price: closes.map((value, i) => ({ time: day(i), value })),
  priceAverage: closes.map((value, i) => ({ time: day(i), value: value - 1 })),
  ratio: closes.map((_, i) => ({ time: day(i), value: 100 + i })),
  ratioAverage: closes.map((_, i) => ({ time: day(i), value: 100 })),
  regimeChanges: [
    { time: day(7), direction: 'down' },
    { time: day(2), direction: 'up' },
  ],
  trend: { side: 'below', since: day(7) },
  ended: [],
  notes: [],
  drawdown: closes.map((value, i) => {
    peak = Math.max(peak, value);
    return { time: day(i), value: (value / peak - 1) * 100 };
  }),
  maxDrawdown: null,
  newHighs: [day(0), day(1), day(4), day(5), day(8)],
  lowest: { day: day(6), close: 90, abovePct: 16.7 },
  stats: {
    from: day(0),
    to: day(9),
    changePct: 5,
    vsChangePct: 2,
    relativePct: 2.9,
    distanceFromAveragePct: 1,
    extended: null,
    best: null,
    worst: null,
  },
};

describe('rotationSeries', () => {
  it('puts price, its average and the drawdown shading in the top pane, RS below', () => {
    const { series } = rotationSeries(data, palette, DEFAULT_CHART_OPTIONS);
    expect(series.map((s) => [s.id, s.pane ?? 0])).toEqual([
      ['drawdowns', 0],
      ['price', 0],
      ['price-average', 0],
      ['ratio', 1],
      ['ratio-average', 1],
    ]);
    expect(series.find((s) => s.id === 'ratio')?.title).toBe('RS vs SPY');
  });

  it('shades falls of 10 % or more from peak to recovery', () => {
    const { series, episodes } = rotationSeries(data, palette, DEFAULT_CHART_OPTIONS);
    // 110 → 95 (−13.6 %) recovers on day 4; 112 → 90 (−19.6 %) recovers on day 8.
    expect(episodes.map((e) => [e.start, e.trough, e.end])).toEqual([
      [day(1), day(3), day(4)],
      [day(5), day(6), day(8)],
    ]);
    expect(series[0]?.data.map((p) => p.value)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('marks breakout highs, the lowest low and regime changes, each list in time order', () => {
    const { series } = rotationSeries(data, palette, { ...DEFAULT_CHART_OPTIONS, highGap: 3 });
    const price = series.find((s) => s.id === 'price');
    expect(price?.markers?.map((m) => [m.time, m.shape, m.text ?? ''])).toEqual([
      [day(0), 'arrowDown', ''],
      [day(4), 'arrowDown', ''],
      [day(6), 'arrowUp', 'Low'],
      [day(8), 'arrowDown', ''],
    ]);
    const ratio = series.find((s) => s.id === 'ratio');
    expect(ratio?.markers?.map((m) => [m.time, m.shape, m.color])).toEqual([
      [day(2), 'arrowUp', 'green'],
      [day(7), 'arrowDown', 'red'],
    ]);
  });
});
