import type { CloseSeries } from '../domain/bar';
import type { Sleeve } from '../domain/sleeve';
import type { RecomputeResult } from '../engine/recompute';

/** One run of the engine over the whole store, with what the views need beside it. */
export interface Snapshot {
  result: RecomputeResult;
  /** The held instruments' closes, in columns. */
  closes: ReadonlyMap<string, CloseSeries>;
  sleeveOf: (symbol: string) => Sleeve;
  names: ReadonlyMap<string, string | null>;
  /** The valuation day: the series' last day (the latest close or transaction), or null when empty. */
  asOf: string | null;
}
