import type { RotationOutput } from '../../../../shared/api/portfolio-schemas';
import {
  breakoutHighs,
  drawdownEpisodes,
  episodeBand,
  type DrawdownEpisode,
} from '../../../../shared/view/drawdown-bands';
import type { ChartPalette } from '../../charts/chart-theme';
import type { ChartMarker, ChartSeries } from '../../charts/chart-types';

export interface RotationChartOptions {
  averageDays: number;
  /** Falls at least this deep (percent) are shaded. */
  minDrawdownPct: number;
  /** Trading days without a new high before the next one is marked again. */
  highGap: number;
}

export const DEFAULT_CHART_OPTIONS: RotationChartOptions = { averageDays: 50, minDrawdownPct: 10, highGap: 20 };

export interface RotationChart {
  series: ChartSeries[];
  episodes: DrawdownEpisode[];
  highs: string[];
}

const byTime = (a: ChartMarker, b: ChartMarker) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);

/**
 * Price with its average, shaded drawdowns, new-high and lowest-low markers in the top pane;
 * relative strength with its average and regime-change markers in the pane below.
 */
export function rotationSeries(
  data: RotationOutput,
  palette: ChartPalette,
  options: RotationChartOptions,
): RotationChart {
  const times = data.price.map((p) => p.time);
  const episodes = drawdownEpisodes(data.drawdown, options.minDrawdownPct);
  const highs = breakoutHighs(times, data.newHighs, options.highGap);
  const priceMarkers: ChartMarker[] = highs.map((time) => ({
    time,
    position: 'aboveBar',
    shape: 'arrowDown',
    color: palette.gain,
  }));
  if (data.lowest)
    priceMarkers.push({
      time: data.lowest.day,
      position: 'belowBar',
      shape: 'arrowUp',
      color: palette.loss,
      text: 'Low',
    });
  const regimeMarkers: ChartMarker[] = data.regimeChanges.map((change) =>
    change.direction === 'up'
      ? { time: change.time, position: 'belowBar', shape: 'arrowUp', color: palette.gain, size: 0.6 }
      : { time: change.time, position: 'aboveBar', shape: 'arrowDown', color: palette.loss, size: 0.6 },
  );

  const series: ChartSeries[] = [
    { id: 'drawdowns', kind: 'band', data: episodeBand(times, episodes), fill: palette.shade },
    {
      id: 'price',
      kind: 'line',
      data: data.price,
      color: palette.primary,
      title: data.subjectLabel,
      markers: priceMarkers.sort(byTime),
    },
    {
      id: 'price-average',
      kind: 'line',
      data: data.priceAverage,
      color: palette.muted,
      lineWidth: 1,
      title: `${options.averageDays}-day average`,
      axisLabel: false,
      lastValueVisible: false,
    },
    {
      id: 'ratio',
      kind: 'line',
      data: data.ratio,
      pane: 1,
      color: palette.secondary,
      title: `RS vs ${data.vsLabel}`,
      markers: regimeMarkers.sort(byTime),
    },
    {
      id: 'ratio-average',
      kind: 'line',
      data: data.ratioAverage,
      pane: 1,
      color: palette.muted,
      lineWidth: 1,
      dashed: true,
      title: `RS ${options.averageDays}-day average`,
      axisLabel: false,
      lastValueVisible: false,
    },
  ];
  return { series, episodes, highs };
}
