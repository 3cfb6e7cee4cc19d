import { useMemo } from 'react';
import type { HoldingOutput } from '../../../../shared/api/holding-schemas';
import {
  isCustom,
  presetRange,
  windowLabel,
  type DateWindow,
  type WindowPreset,
} from '../../../../shared/view/date-window';
import { holdingWindow, type HoldingWindow } from '../../../../shared/view/holding-window';
import { Chart } from '../../charts/chart';
import { ChartLegend } from '../../charts/chart-legend';
import { usePalette } from '../../charts/chart-theme';
import type { ChartMarker, ChartSeries } from '../../charts/chart-types';
import { DateWindowControl, useDateWindow } from '../../components/date-window';
import { formatClose, formatDay, formatPercent, formatQuantity, signClass } from '../../format/format';

const PRESETS_SHOWN: readonly WindowPreset[] = ['1M', '3M', 'YTD', '1Y', '3Y', '5Y', 'ALL'];
// The whole history until a window is chosen: the page showed all of it before it had one.
const DEFAULT_WINDOW: DateWindow = { preset: 'ALL' };

type Zoom = (days: { from: string; to: string }) => void;

/**
 * The price and relative-strength charts for one window in time (kept in the hash beside the
 * account), with the window's figures beside the price chart.
 */
export function HoldingCharts({ holding }: { holding: HoldingOutput }) {
  const [dateWindow, setWindow] = useDateWindow(DEFAULT_WINDOW);
  const first = holding.prices[0]?.time;
  const last = holding.prices.at(-1)?.time;
  const span = first && last ? { from: first, to: last } : null;
  const days = isCustom(dateWindow) ? dateWindow : span ? presetRange(dateWindow.preset, span) : null;
  const from = days?.from;
  const to = days?.to;
  const cut = useMemo(() => (from && to ? holdingWindow(holding, { from, to }) : null), [holding, from, to]);
  const onZoom: Zoom = (zoomed) => setWindow(zoomed, { replace: true });
  return (
    <>
      <section className="card" aria-labelledby="holding-price-title">
        <div className="card-head">
          <h2 id="holding-price-title">Price and trades</h2>
          <p className="muted small">Daily closes in {holding.currency}; ▲ buys, ▼ sells</p>
        </div>
        {span === null ? (
          <p className="muted">No prices for {holding.symbol} in the cache: load them under Import &amp; export.</p>
        ) : (
          <>
            <div className="filters">
              <DateWindowControl
                idPrefix="holding-window"
                presets={PRESETS_SHOWN}
                value={dateWindow}
                onChange={(next) => setWindow(next)}
                shown={cut?.shown ?? null}
                span={span}
                overview={holding.prices}
              />
            </div>
            {cut === null ? (
              <p className="warn" role="status" data-testid="holding-window-empty">
                No closes for {holding.symbol} between {formatDay(from)} and {formatDay(to)}; its prices run{' '}
                {formatDay(span.from)} to {formatDay(span.to)}.
              </p>
            ) : (
              <div className="chart-with-figures">
                <PriceChart holding={holding} cut={cut} onZoom={onZoom} />
                <WindowFigures holding={holding} cut={cut} />
              </div>
            )}
          </>
        )}
      </section>
      <RelativeChart holding={holding} cut={cut} onZoom={onZoom} />
    </>
  );
}

/** The closes with each buy and sell marked on its day. */
function PriceChart({ holding, cut, onZoom }: { holding: HoldingOutput; cut: HoldingWindow; onZoom: Zoom }) {
  const palette = usePalette();
  const series = useMemo((): ChartSeries[] => {
    const markers: ChartMarker[] = cut.trades.map((t) =>
      t.side === 'buy'
        ? {
            time: t.day,
            position: 'belowBar',
            shape: 'arrowUp',
            color: palette.gain,
            text: `Buy ${formatQuantity(t.quantity)}`,
          }
        : {
            time: t.day,
            position: 'aboveBar',
            shape: 'arrowDown',
            color: palette.loss,
            text: `Sell ${formatQuantity(t.quantity)}`,
          },
    );
    return [{ id: 'close', kind: 'line', data: cut.prices, color: palette.primary, title: holding.symbol, markers }];
  }, [holding.symbol, cut, palette]);
  const buys = cut.trades.filter((t) => t.side === 'buy').length;
  const sells = cut.trades.length - buys;
  return (
    <div className="holding-chart">
      <Chart
        series={series}
        height={300}
        label={`${holding.symbol} daily closes, ${windowLabel(cut.shown.from, cut.shown.to)}, with ${buys} buys and ${sells} sells marked`}
        onVisibleDaysChange={onZoom}
      />
    </div>
  );
}

/** What the window shows, in figures: every one for exactly the days on the chart, as the heading says. */
function WindowFigures({ holding, cut }: { holding: HoldingOutput; cut: HoldingWindow }) {
  const s = cut.stats;
  const close = (value: number) => formatClose(value, holding.currency);
  return (
    <aside className="figures-aside" aria-label="Figures for the window">
      <h3 data-testid="holding-span">{windowLabel(cut.shown.from, cut.shown.to)}</h3>
      <dl className="kv">
        <div>
          <dt>Change</dt>
          <dd className={signClass(s.changePct)} data-testid="holding-window-change">
            {formatPercent(s.changePct, true)}
          </dd>
        </div>
        <div>
          <dt>High ({formatDay(s.high.time)})</dt>
          <dd data-testid="holding-window-high">{close(s.high.value)}</dd>
        </div>
        <div>
          <dt>Low ({formatDay(s.low.time)})</dt>
          <dd data-testid="holding-window-low">{close(s.low.value)}</dd>
        </div>
        {s.relative.map((r) => (
          <div key={r.symbol}>
            <dt>
              Relative to {r.symbol}
              {(r.from !== cut.shown.from || r.to !== cut.shown.to) && (
                <span className="cell-sub">{windowLabel(r.from, r.to)}</span>
              )}
            </dt>
            <dd className={signClass(r.changePct)} data-testid={`holding-window-vs-${r.symbol}`}>
              {formatPercent(r.changePct, true)}
            </dd>
          </div>
        ))}
        <div>
          <dt>Trades</dt>
          <dd>{cut.trades.length}</dd>
        </div>
      </dl>
    </aside>
  );
}

/** Relative strength against the benchmark and the sleeve's index, each rebased to 100 on the window's first day. */
function RelativeChart({ holding, cut, onZoom }: { holding: HoldingOutput; cut: HoldingWindow | null; onZoom: Zoom }) {
  const palette = usePalette();
  const { sleeveNote } = holding.relative;
  const series = useMemo((): ChartSeries[] => {
    const lines: ChartSeries[] = [];
    const benchmark = cut?.benchmark;
    const sleeve = cut?.sleeve;
    if (benchmark)
      lines.push({
        id: 'vs-benchmark',
        kind: 'line',
        data: benchmark.points,
        color: palette.primary,
        title: `vs ${benchmark.symbol}`,
      });
    if (sleeve && sleeve.symbol !== benchmark?.symbol)
      lines.push({
        id: 'vs-sleeve',
        kind: 'line',
        data: sleeve.points,
        color: palette.secondary,
        dashed: true,
        title: `vs ${sleeve.symbol}`,
      });
    return lines;
  }, [cut, palette]);
  return (
    <section className="card" aria-labelledby="holding-rs-title">
      <div className="card-head">
        <h2 id="holding-rs-title">Relative strength</h2>
        <ChartLegend series={series} />
      </div>
      <p className="muted small">
        {holding.symbol} ÷ each reference, 100 on the window&rsquo;s first common day
        {cut && ` (${windowLabel(cut.shown.from, cut.shown.to)})`}: rising means {holding.symbol} leads.
        {sleeveNote && ` ${sleeveNote}`}
      </p>
      {series.length === 0 ? (
        <p className="muted">No reference with prices in common with {holding.symbol} in this window.</p>
      ) : (
        <Chart
          series={series}
          height={220}
          label={`Relative strength of ${holding.symbol} against ${series.map((s) => s.title?.replace(/^vs /, '')).join(' and ')}`}
          onVisibleDaysChange={onZoom}
        />
      )}
    </section>
  );
}
