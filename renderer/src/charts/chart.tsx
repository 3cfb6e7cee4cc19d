import { createChart, type IChartApi, type Time } from 'lightweight-charts';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ChartSeries } from './chart-types';
import { readChartTheme, useThemeVersion, type ChartTheme } from './chart-theme';
import { reconcileSeries, type Live } from './reconcile-series';
import { tickMark } from './tick-format';
import './chart.css';

interface Props {
  series: ChartSeries[];
  /** Read by screen readers in place of the canvas. */
  label: string;
  height?: number;
  /** Shown in a pane's corner: e.g. ['Price', 'Relative strength']. */
  paneLabels?: string[];
  /** Relative pane heights, e.g. [3, 1]: the price pane three times the indicator's. */
  paneStretch?: number[];
  /**
   * Zoom and pan: called (debounced) with the days the user brought into view, so the screen can
   * make them its window and compute its statistics for them. Not called for the fitted view.
   */
  onVisibleDaysChange?: (days: { from: string; to: string }) => void;
}

/** Settled zooming: one window change per gesture, not one per frame. */
const ZOOM_DEBOUNCE_MS = 400;

/** The library hands times back in the form they were given: days as 'YYYY-MM-DD'. */
function dayOf(time: Time): string {
  if (typeof time === 'string') return time;
  if (typeof time === 'number') return new Date(time * 1000).toISOString().slice(0, 10);
  return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

/** The chart's colours from the theme: set on creation and whenever the theme changes. */
function themed(theme: ChartTheme) {
  return {
    layout: {
      background: { color: theme.background },
      textColor: theme.text,
      attributionLogo: false,
      panes: { separatorColor: theme.grid },
    },
    grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
    rightPriceScale: { borderColor: theme.grid },
    timeScale: { borderColor: theme.grid },
  };
}

/**
 * The one component that owns lightweight-charts. It creates the chart once per mount (autoSize
 * follows the container), and reconciles series by id when data changes; callers pass plain data
 * built in shared/, never chart objects.
 */
export function Chart({ series, label, height = 360, paneLabels, paneStretch, onVisibleDaysChange }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const live = useRef(new Map<string, Live>());
  const themeVersion = useThemeVersion();
  const onDays = useRef(onVisibleDaysChange);
  useEffect(() => {
    onDays.current = onVisibleDaysChange;
  }, [onVisibleDaysChange]);
  // The first and last day of the data shown: a visible range equal to them is the fitted view.
  const extent = useRef<{ from: string; to: string } | null>(null);

  useLayoutEffect(() => {
    if (!container.current) return;
    const api = createChart(container.current, {
      ...themed(readChartTheme()),
      autoSize: true,
      // Keep the fitted range when the window resizes, rather than the bar spacing.
      timeScale: {
        borderColor: readChartTheme().grid,
        lockVisibleTimeRangeOnResize: true,
        // The fitted view must hold every day given: at the default 0.5 px a bar, ten years of
        // closes overflow a 700 px chart, fitContent shows only the last seven, and that cut
        // reads as a zoom (onVisibleDaysChange) that would narrow the screen's window by itself.
        minBarSpacing: 0.05,
        tickMarkFormatter: tickMark,
      },
      crosshair: { mode: 0 },
    });
    chart.current = api;
    const seriesMap = live.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onRange = (range: { from: Time; to: Time } | null) => {
      clearTimeout(timer);
      const fitted = extent.current;
      if (!range || !fitted || !onDays.current) return;
      const days = { from: dayOf(range.from), to: dayOf(range.to) };
      if (days.from <= fitted.from && days.to >= fitted.to) return;
      timer = setTimeout(() => onDays.current?.(days), ZOOM_DEBOUNCE_MS);
    };
    api.timeScale().subscribeVisibleTimeRangeChange(onRange);
    return () => {
      clearTimeout(timer);
      api.timeScale().unsubscribeVisibleTimeRangeChange(onRange);
      seriesMap.clear();
      chart.current = null;
      api.remove();
    };
  }, []);

  useEffect(() => {
    chart.current?.applyOptions(themed(readChartTheme()));
  }, [themeVersion]);

  useEffect(() => {
    const api = chart.current;
    if (!api) return;
    reconcileSeries(api, live.current, series);
    const panes = api.panes();
    for (let i = panes.length - 1; i > 0; i--) {
      if (!series.some((s) => (s.pane ?? 0) === i)) api.removePane(i);
    }
    api.panes().forEach((pane, i) => pane.setStretchFactor(paneStretch?.[i] ?? 1));
    let from: string | null = null;
    let to: string | null = null;
    for (const spec of series) {
      const first = spec.data[0]?.time;
      const last = spec.data.at(-1)?.time;
      if (first !== undefined && (from === null || first < from)) from = first;
      if (last !== undefined && (to === null || last > to)) to = last;
    }
    extent.current = from !== null && to !== null ? { from, to } : null;
    api.timeScale().fitContent();
  }, [series, paneStretch]);

  return (
    <figure className="chart" style={{ height }}>
      <div ref={container} className="chart-canvas" role="img" aria-label={label} />
      {paneLabels && paneLabels.length > 1 && (
        <figcaption className="visually-hidden">{paneLabels.join(', ')}</figcaption>
      )}
    </figure>
  );
}
