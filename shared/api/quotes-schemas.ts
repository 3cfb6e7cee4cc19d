// Schemas for the quote calls and events of the API contract.
import { z } from 'zod';
import { isDay } from '../engine/dates';
import { SYMBOL_RE } from '../quotes/symbols';

export const symbol = z
  .string()
  .trim()
  .toUpperCase()
  .regex(SYMBOL_RE, 'Use a ticker such as SPY, BRK-B or ^GSPC: letters, digits and . ^ = -, at most 32.');

export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date written YYYY-MM-DD.')
  .refine(isDay, 'That date does not exist.');

const count = z.number().int().nonnegative();
const price = z.number().finite().nullable();

export const quoteBar = z.strictObject({
  day: z.string(),
  open: price,
  high: price,
  low: price,
  close: z.number().finite(),
  adjClose: price,
  volume: z.number().int().nullable(),
  /** yahoo, stooq, file or manual: the source shown for that day (see quotes:list for freshness). */
  source: z.string(),
});

/** One symbol's cache: its extent and how fresh it is. */
export const quoteSeriesInfo = z.strictObject({
  symbol: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  bars: count,
  /** Where the bar for lastDay came from: yahoo, stooq, file or manual. */
  source: z.string(),
  fetchedAt: z.string(),
});

export const historyInput = z
  .strictObject({ symbol, from: day.optional(), to: day.optional() })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'from must not be after to.',
    path: ['from'],
  });

export const refreshInput = z.strictObject({
  /** Omitted or empty: every instrument and every symbol already in the cache. */
  symbols: z.array(symbol).max(2000).optional(),
  /** A provider's answer on another split scale than the cache is refused unless this is set (docs/engine.md). */
  rescaleOlder: z.boolean().optional(),
});

export const refreshStarted = z.strictObject({
  jobId: z.string(),
  /** `failed` at once when offline (nothing was fetched); `done` at once when there was nothing to do. */
  state: z.enum(['running', 'done', 'failed']),
  symbolsTotal: count,
  message: z.string().optional(),
});

export const jobIdInput = z.strictObject({ jobId: z.string().min(1).max(64) });

export const importFileInput = z.strictObject({
  fileName: z.string().trim().min(1, 'Name the file.').max(260),
  content: z.string().max(32 * 1024 * 1024, 'The file is over 32 MB.'),
  /** Defaults to the file name without its extension, upper-cased; not for a file with a symbol column. */
  symbol: symbol.optional(),
  /**
   * When the file's prices sit on another split scale than the cached bars beside them (refused
   * otherwise): bring the older bars onto the newer scale first (docs/engine.md).
   */
  rescaleOlder: z.boolean().optional(),
});

/** Rows written in all, and per symbol: one for a Yahoo file, each symbol of a Tiltfolio export. */
export const importFileOutput = z.strictObject({
  bars: count,
  symbols: z.array(z.strictObject({ symbol: z.string(), bars: count })),
  /** With rescaleOlder: what was rescaled, e.g. `rescaled 3,100 older cached bars by 20:1`. */
  note: z.string().optional(),
});

export const manualPriceInput = z.strictObject({
  symbol,
  day,
  close: z.number().finite().positive('A price must be above zero.'),
});

/** Deletes a symbol's cached bars, every source: all of them, or the days from `from` to `to` (inclusive). */
export const deleteQuotesInput = z
  .strictObject({ symbol, from: day.optional(), to: day.optional() })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'from must not be after to.',
    path: ['from'],
  });

export const deleteQuotesOutput = z.strictObject({
  symbol: z.string(),
  /** Rows removed (a day with bars from two sources counts twice). */
  deleted: count,
  /** The days removed: the first and last day that had a bar, or null when none did. */
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
});

export const refreshLogInput = z.strictObject({
  limit: z.number().int().min(1).max(1000).optional(),
  symbol: symbol.optional(),
});

export const refreshLogEntry = z.strictObject({
  id: z.number().int(),
  jobId: z.string(),
  symbol: z.string(),
  provider: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['ok', 'error', 'cancelled']),
  barsWritten: count,
  message: z.string(),
});

/**
 * What the last refresh did and when one last worked, from the refresh log: the sidebar says
 * this rather than only whether the network is up.
 */
export const refreshStatus = z.strictObject({
  /** The newest job in the log with its per-symbol outcomes, or null before any refresh ran. */
  lastJob: z
    .strictObject({
      jobId: z.string(),
      finishedAt: z.string(),
      symbols: count,
      ok: count,
      failed: count,
      cancelled: count,
    })
    .nullable(),
  /** The newest symbol that refreshed without error, in any job, or null when none ever did. */
  lastSuccess: z.strictObject({ symbol: z.string(), finishedAt: z.string() }).nullable(),
});

/**
 * Refresh progress. With `symbol`, the state is that symbol's (running, then done or failed or
 * cancelled); without it, the job's: `done` when it ran to the end (some symbols may have failed,
 * see message), `failed` when it could not run or every symbol failed, `cancelled` when stopped.
 */
export const quotesProgress = z.strictObject({
  jobId: z.string(),
  symbol: z.string().optional(),
  symbolsDone: count,
  symbolsTotal: count,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  message: z.string().optional(),
});
