// The data-health call: what is suspect in the inputs, per symbol and account (shared/health/).
import { z } from 'zod';
import { HEALTH_KINDS } from '../health/health-problem';

const healthKind = z.enum(HEALTH_KINDS);

export const healthProblem = z.strictObject({
  kind: healthKind,
  symbol: z.string().nullable(),
  accounts: z.array(z.string()),
  day: z.string().nullable(),
  detail: z.string(),
  affects: z.string(),
  fix: z.string(),
});

export const healthReport = z.strictObject({
  /** The user's local day the checks ran on. */
  today: z.string(),
  /** One line per kind found (`3 holdings have no prices`); empty when all is well. */
  summary: z.array(z.strictObject({ kind: healthKind, count: z.number().int(), text: z.string() })),
  problems: z.array(healthProblem),
});
