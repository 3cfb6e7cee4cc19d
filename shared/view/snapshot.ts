import type { CloseSeries } from '../domain/bar';
import type { Sleeve } from '../domain/sleeve';
import type { Transaction } from '../domain/transaction';
import type { RecomputeResult } from '../engine/recompute';
import type { FxTable } from '../fx/rate-lookup';
import type { BaseContext, TradeRate } from './base-values';

/** One run of the engine over the whole store, with what the views need beside it. */
export interface Snapshot {
  result: RecomputeResult;
  /** The held instruments' closes, in columns. */
  closes: ReadonlyMap<string, CloseSeries>;
  sleeveOf: (symbol: string) => Sleeve;
  names: ReadonlyMap<string, string | null>;
  /** The valuation day: the series' last day (the latest close or transaction), or null when empty. */
  asOf: string | null;
  /** The cached exchange rates, and per currency its daily rate in the base currency (what the series used). */
  fx: FxTable;
  fxSeries: ReadonlyMap<string, CloseSeries>;
  /** The records the engine ran over (by date, then id): a position's own flows for its return. */
  transactions: readonly Transaction[];
  /** Broker rates of trades across currencies, by transaction id. */
  tradeRates: ReadonlyMap<number, TradeRate>;
}

/** What converting anything to the base currency on the valuation day needs. */
export function baseContextOf(snapshot: Snapshot, day = snapshot.asOf): BaseContext {
  return {
    base: snapshot.result.series.baseCurrency,
    fx: snapshot.fx,
    day: day ?? '9999-12-31',
    tradeRates: snapshot.tradeRates,
  };
}
