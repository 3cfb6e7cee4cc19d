import { useMemo } from 'react';
import type { RotationOutput } from '../../../../shared/api/portfolio-schemas';
import { Chart } from '../../charts/chart';
import { ChartLegend } from '../../charts/chart-legend';
import { usePalette } from '../../charts/chart-theme';
import { DEFAULT_CHART_OPTIONS, rotationSeries } from './rotation-series';
import { RotationStats } from './rotation-stats';

const STRETCH = [3, 2];

export function RotationChart({
  data,
  averageDays,
  money,
  onZoom,
}: {
  data: RotationOutput;
  averageDays: number;
  money: boolean;
  /** Zoom and pan on the chart: the days brought into view become the window. */
  onZoom?: (days: { from: string; to: string }) => void;
}) {
  const palette = usePalette();
  const chart = useMemo(
    () => rotationSeries(data, palette, { ...DEFAULT_CHART_OPTIONS, averageDays }),
    [data, palette, averageDays],
  );
  return (
    <div className="chart-with-figures">
      <div className="rotation-chart">
        <div className="chart-head">
          <ChartLegend series={chart.series} />
          <ul className="chart-legend" aria-label="Marks">
            <li>
              <span className="swatch-block shade" aria-hidden="true" /> falls of 10 % or more
            </li>
            <li>
              <span className="mark gain" aria-hidden="true">
                ▼
              </span>{' '}
              new high
            </li>
            <li>
              <span className="mark loss" aria-hidden="true">
                ▲
              </span>{' '}
              lowest close
            </li>
            <li>
              <span className="mark" aria-hidden="true">
                ▲▼
              </span>{' '}
              RS crosses its average
            </li>
          </ul>
        </div>
        <Chart
          series={chart.series}
          height={460}
          paneStretch={STRETCH}
          paneLabels={[`${data.subjectLabel} price`, `Relative strength against ${data.vsLabel}`]}
          label={`${data.subjectLabel} from ${data.stats.from ?? ''} to ${data.stats.to ?? ''}, with its relative strength against ${data.vsLabel} in a second pane`}
          {...(onZoom ? { onVisibleDaysChange: onZoom } : {})}
        />
      </div>
      <RotationStats data={data} episodes={chart.episodes} money={money} averageDays={averageDays} />
    </div>
  );
}
