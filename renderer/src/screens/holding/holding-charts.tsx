import { useMemo } from 'react';
import type { HoldingOutput } from '../../../../shared/api/holding-schemas';
import { Chart } from '../../charts/chart';
import { ChartLegend } from '../../charts/chart-legend';
import { usePalette } from '../../charts/chart-theme';
import type { ChartMarker, ChartSeries } from '../../charts/chart-types';
import { formatQuantity } from '../../format/format';

/** The closes with each buy and sell marked on its day. */
export function PriceChart({ holding }: { holding: HoldingOutput }) {
  const palette = usePalette();
  const series = useMemo((): ChartSeries[] => {
    const markers: ChartMarker[] = holding.trades.map((t) =>
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
    return [
      { id: 'close', kind: 'line', data: holding.prices, color: palette.primary, title: holding.symbol, markers },
    ];
  }, [holding, palette]);
  const buys = holding.trades.filter((t) => t.side === 'buy').length;
  const sells = holding.trades.length - buys;
  return (
    <section className="card" aria-labelledby="holding-price-title">
      <div className="card-head">
        <h2 id="holding-price-title">Price and trades</h2>
        <p className="muted small">Daily closes in {holding.currency}; ▲ buys, ▼ sells</p>
      </div>
      {holding.prices.length === 0 ? (
        <p className="muted">No prices for {holding.symbol} in the cache: load them under Import &amp; export.</p>
      ) : (
        <Chart
          series={series}
          height={300}
          label={`${holding.symbol} daily closes, with ${buys} buys and ${sells} sells marked`}
        />
      )}
    </section>
  );
}

/** Relative strength against the benchmark and the sleeve's index, each rebased to 100. */
export function RelativeChart({ holding }: { holding: HoldingOutput }) {
  const palette = usePalette();
  const { benchmark, sleeve, sleeveNote } = holding.relative;
  const series = useMemo((): ChartSeries[] => {
    const lines: ChartSeries[] = [];
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
  }, [benchmark, sleeve, palette]);
  return (
    <section className="card" aria-labelledby="holding-rs-title">
      <div className="card-head">
        <h2 id="holding-rs-title">Relative strength</h2>
        <ChartLegend series={series} />
      </div>
      <p className="muted small">
        {holding.symbol} ÷ each reference, 100 on their first common day: rising means {holding.symbol} leads.
        {sleeveNote && ` ${sleeveNote}`}
      </p>
      {series.length === 0 ? (
        <p className="muted">No reference with prices in common with {holding.symbol}.</p>
      ) : (
        <Chart
          series={series}
          height={220}
          label={`Relative strength of ${holding.symbol} against ${series.map((s) => s.title?.replace(/^vs /, '')).join(' and ')}`}
        />
      )}
    </section>
  );
}
