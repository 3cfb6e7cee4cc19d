// What the tilt call answers: each sleeve's weight against the benchmark and the target, the
// trades that would reach the target, and the holdings the weights leave out.
import type { TiltOutput } from '../api/portfolio-schemas';
import type { SleeveWeights } from '../domain/sleeve';
import { closeOnOrBefore } from '../engine/close-series';
import { rebalanceTrades } from '../engine/tilt';
import { Decimal } from '../engine/decimal';
import { toBase } from './base-values';
import { leftOut } from './left-out';
import { baseContextOf, type Snapshot } from './snapshot';

export interface TiltSettings {
  benchmarkSymbol: string;
  targetWeights: SleeveWeights | null;
}

/**
 * The engine values holdings in the base currency at each day's rate; a holding whose currency
 * has no rate on the valuation day is in no sleeve's value: it is listed in `leftOut` at its own
 * currency's value.
 */
export function tiltView(snapshot: Snapshot, settings: TiltSettings): TiltOutput {
  const { series, tilt, accounts } = snapshot.result;
  const ctx = baseContextOf(snapshot);
  // Values are in the base currency, so a trade's amount is too: its shares are that amount over
  // the close in the base currency (the close × the valuation day's rate).
  const rateOf = (currency: string) => toBase(ctx, Decimal.ONE, currency).value?.toNumber();
  const holdings = series.holdings
    .filter((h) => h.lastValue > 0)
    .map((h) => {
      const close = closeOnOrBefore(snapshot.closes.get(h.symbol), snapshot.asOf ?? '')?.bar.close;
      const rate = rateOf(h.currency);
      return {
        symbol: h.symbol,
        value: h.lastValue,
        price: close === undefined || rate === undefined ? undefined : close * rate,
      };
    });
  const trades = settings.targetWeights
    ? rebalanceTrades({ holdings, target: settings.targetWeights, sleeveOf: snapshot.sleeveOf }).trades
    : [];
  const open = accounts
    .flatMap((a) => a.positions)
    .filter((p) => !p.quantity.isZero() && toBase(ctx, Decimal.ONE, p.currency).value === null);
  return {
    asOf: snapshot.asOf,
    baseCurrency: series.baseCurrency,
    total: tilt.total,
    leftOut: leftOut(
      open.map((p) => ({ currency: p.currency, amount: p.marketValue ?? p.costBasis })),
      series.baseCurrency,
    ),
    sleeves: tilt.sleeves.map((s) => ({
      sleeve: s.sleeve,
      value: s.value,
      weightPct: s.weight * 100,
      benchmarkPct: s.benchmarkWeight * 100,
      targetPct: s.targetWeight === null ? null : s.targetWeight * 100,
      activeVsBenchmarkPct: s.activeVsBenchmark * 100,
      activeVsTargetPct: s.activeVsTarget === null ? null : s.activeVsTarget * 100,
      holdings: holdings.filter((h) => snapshot.sleeveOf(h.symbol) === s.sleeve).map((h) => h.symbol),
    })),
    trades: trades.map((t) => ({
      sleeve: t.sleeve,
      symbol: t.symbol,
      amount: t.amount.toString(),
      quantity: t.quantity,
    })),
    benchmarkName: `${settings.benchmarkSymbol} (sleeve weights from Settings)`,
  };
}
