import { z } from 'zod';
import { sleeveSchema } from './portfolio-schemas';
import { daySchema } from './transaction-schemas';

/** A window of days; `to` defaults to the last day valued, `from` to 91 days before `to`. */
export const attributionInput = z.strictObject({ from: daySchema.optional(), to: daySchema.optional() });

/** Risk of the portfolio's daily returns against the blended benchmark's (docs/engine.md). */
export const riskOutput = z.strictObject({
  days: z.number().int(),
  volatility_pct: z.number(),
  max_drawdown_pct: z.number(),
  sharpe: z.number().nullable(),
  beta: z.number().nullable(),
  alpha_pct: z.number().nullable(),
  tracking_error_pct: z.number(),
  information_ratio: z.number().nullable(),
  risk_free_rate_pct: z.number(),
});

/**
 * The `tiltfolio attribution --json` object. Percentages in hundredths; the sleeves' effects add
 * up to `active_pct` exactly (shared/view/attribution-view.ts).
 */
export const attributionOutput = z.strictObject({
  from: z.string(),
  to: z.string(),
  portfolio_pct: z.number(),
  benchmark_pct: z.number(),
  active_pct: z.number(),
  sleeves: z.array(
    z.strictObject({
      sleeve: sleeveSchema,
      label: z.string(),
      index: z.string(),
      portfolio_weight_pct: z.number(),
      benchmark_weight_pct: z.number(),
      allocation_pct: z.number(),
      selection_pct: z.number(),
      interaction_pct: z.number(),
    }),
  ),
  /** Σ target weight × sleeve index return (daily rebalanced); null with no target set. */
  target_blend_pct: z.number().nullable(),
  risk: riskOutput.nullable(),
});

export type AttributionOutput = z.output<typeof attributionOutput>;

/** A window of days; `to` defaults to the last day valued, `from` to 30 days before `to`. */
const signalKind = z.enum(['rs_up', 'rs_down', 'quadrant', 'high_52w', 'low_52w', 'drift', 'overheated']);

export const signalsInput = z.strictObject({
  from: daySchema.optional(),
  to: daySchema.optional(),
  /** Only signals of this kind (all kinds when absent). */
  kind: signalKind.optional(),
  /** The newest `limit` signals only (every one when absent): years of a large portfolio's are tens of thousands. */
  limit: z.number().int().min(1).max(1_000_000).optional(),
});

export const signalsOutput = z.strictObject({
  from: z.string(),
  to: z.string(),
  benchmark: z.string(),
  /** How many signals of the kind asked for the window holds; `signals` is the newest `limit` of them. */
  total: z.number().int(),
  /** Oldest first. */
  signals: z.array(
    z.strictObject({
      date: z.string(),
      kind: signalKind,
      subject: z.string(),
      message: z.string(),
    }),
  ),
});
