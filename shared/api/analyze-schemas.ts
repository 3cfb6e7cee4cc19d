import { z } from 'zod';
import { daySchema, symbolSchema } from './transaction-schemas';

export const analyzeInput = z.strictObject({
  symbol: symbolSchema,
  to: daySchema,
  from: daySchema.optional(),
  vs: symbolSchema.optional(),
  lookbackDays: z.number().int().min(1).max(36_500).optional(),
  window: z.number().int().min(1).max(2_000).optional(),
});

const datedClose = z.strictObject({ date: z.string(), close: z.number() });

/** The `tiltfolio analyze --json` object: snake_case keys, plain unrounded percents. */
export const analyzeOutput = z.strictObject({
  symbol: z.string(),
  to: z.string(),
  close: z.number(),
  change: z
    .strictObject({
      from: z.string(),
      pct: z.number(),
      benchmark: z.string().optional(),
      benchmark_pct: z.number().optional(),
      relative_pct: z.number().optional(),
      compared_from: z.string().optional(),
      compared_to: z.string().optional(),
      compared_pct: z.number().optional(),
      benchmark_starts_late: z.boolean().optional(),
      benchmark_ends_early: z.boolean().optional(),
    })
    .optional(),
  high: z.strictObject({ is_new_high: z.boolean(), previous_high: datedClose.nullable() }),
  low: z.strictObject({ date: z.string(), close: z.number(), above_pct: z.number() }),
  max_drawdown: z.strictObject({ pct: z.number(), peak: datedClose, trough: datedClose }),
  best_window: z.strictObject({ days: z.number(), pct: z.number(), start: z.string(), end: z.string() }).nullable(),
});
