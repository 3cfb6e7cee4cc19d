import { z } from 'zod';
import { sleeveWeightsSchema } from './portfolio-schemas';
import { symbolSchema } from './transaction-schemas';

const baseUrl = z.url({ protocol: /^https?$/, error: 'Use an http:// or https:// address.' }).max(500);

const weights = sleeveWeightsSchema.refine(
  (w) => Math.abs(w.large_cap_tech + w.financials + w.small_caps + w.other - 1) < 1e-6,
  'The four weights must add up to 100 %.',
);

export const quoteProviderChoice = z.enum(['yahoo', 'stooq', 'none']);

export const appSettings = z.strictObject({
  /** Where a refresh fetches quotes; `none` never touches the network. */
  quoteProvider: quoteProviderChoice,
  yahooBaseUrl: baseUrl,
  stooqBaseUrl: baseUrl,
  /** Offline: refresh reports "offline" at once, whatever the provider. */
  offline: z.boolean(),
  costMethod: z.enum(['fifo', 'lifo', 'hifo', 'average']),
  /** The symbol the portfolio's returns are compared with. */
  benchmarkSymbol: symbolSchema,
  /**
   * What the benchmark's change counts: `total` (default) its adjusted closes, dividends
   * reinvested, as the portfolio's own return counts its dividends; `price` its closes only.
   */
  benchmarkBasis: z.enum(['total', 'price']),
  /** The benchmark's sleeve make-up (fractions of one) for the tilt view. */
  benchmarkWeights: weights,
  /** The user's own target; null until set. */
  targetWeights: weights.nullable(),
  theme: z.enum(['system', 'light', 'dark']),
  /** How many backups of the database to keep in backups/ (the oldest beyond are deleted). */
  backupKeep: z.number().int().min(1, 'Keep at least one backup.').max(1000, 'Keep at most 1000 backups.'),
  /** The currency every total, return and export is shown in (ISO 4217 code). */
  baseCurrency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR.'),
  /** Each sleeve's reference index for attribution and the blended benchmark; null: the benchmark. */
  sleeveIndexes: z.strictObject({
    large_cap_tech: symbolSchema.nullable(),
    financials: symbolSchema.nullable(),
    small_caps: symbolSchema.nullable(),
    other: symbolSchema.nullable(),
  }),
  /** Annual risk-free rate for Sharpe and alpha, a fraction (0.02 = 2 %). */
  riskFreeRate: z.number().min(-0.1, 'Use a rate above −10 %.').max(0.5, 'Use a rate below 50 %.'),
  /** Signals: how far (percentage points) a sleeve's weight may drift from its target before it is flagged. */
  driftBandPct: z.number().min(0.5).max(50),
  /** Signals: a close this many percent above its 50- or 200-day average counts as overheated. */
  overheatPct: z.number().min(1).max(200),
  /** Desktop app: show new signals as system notifications (off until turned on). */
  signalNotifications: z.boolean(),
});

export const settingsPatch = appSettings.partial();

export type AppSettings = z.output<typeof appSettings>;
