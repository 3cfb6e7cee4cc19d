// Schemas for the exchange-rate calls (fx:*) of the API contract.
import { z } from 'zod';
import { rateText } from '../quotes/fx-files';
import { day } from './quotes-schemas';

const count = z.number().int().nonnegative();

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as USD or EUR.');

/** A pair: 1 `base` costs the rate in `quote`. */
export const fxPairInput = z
  .strictObject({ base: currencyCode, quote: currencyCode })
  .refine((pair) => pair.base !== pair.quote, { message: 'A pair needs two different currencies.', path: ['quote'] });

export const fxRate = z.strictObject({
  base: z.string(),
  quote: z.string(),
  day: z.string(),
  /** Decimal text as the source gave it (or as typed), so a conversion from it can be exact. */
  rate: z.string(),
  /** ecb, yahoo, stooq, file (a Yahoo pair's CSV) or manual. */
  source: z.string(),
  fetchedAt: z.string(),
});

/** One cached pair, for `tiltfolio fx list` and Settings. */
export const fxPairSummary = z.strictObject({
  base: z.string(),
  quote: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  /** Days with a rate (a day two sources gave counts once). */
  days: count,
  /** Every source that gave the pair a rate, comma-separated in name order. */
  sources: z.string(),
});

/** The currencies the portfolio uses (accounts, instruments, transactions), and the pairs a refresh fetches. */
export const fxCurrencies = z.strictObject({
  used: z.array(z.string()),
  baseCurrency: z.string(),
  needed: z.array(z.strictObject({ base: z.string(), quote: z.string() })),
});

const fxFile = z.strictObject({
  /** The name (or the CLI's path): a Yahoo pair's file is named for its pair, EURUSD=X.csv. */
  fileName: z.string().trim().min(1, 'Name the file.').max(260),
  content: z.string().max(32 * 1024 * 1024, 'The file is over 32 MB.'),
});

/** Every file is parsed before any rate is written: one bad file and nothing is imported. */
export const fxImportInput = z.strictObject({
  files: z.array(fxFile).min(1, 'Give at least one file.').max(50, 'Import at most 50 files at once.'),
});

export const fxImportOutput = z.strictObject({
  /** Rates written in all (a rate already cached from the same source and day is replaced). */
  rates: count,
  files: z.array(
    z.strictObject({
      fileName: z.string(),
      format: z.enum(['ecb', 'yahoo']),
      rates: count,
      /** N/A cells (ECB) or null rows (Yahoo) skipped. */
      skipped: count,
    }),
  ),
  pairs: z.array(
    z.strictObject({ base: z.string(), quote: z.string(), rates: count, firstDay: z.string(), lastDay: z.string() }),
  ),
});

export const fxManualRateInput = z
  .strictObject({
    base: currencyCode,
    quote: currencyCode,
    day,
    rate: z
      .string()
      .trim()
      .max(40, 'Keep the rate under 40 characters.')
      .refine((text) => rateText(text) !== null, 'Type the rate as a decimal above zero, such as 1.0539.'),
  })
  .refine((input) => input.base !== input.quote, {
    message: 'A pair needs two different currencies.',
    path: ['quote'],
  });

export const fxDeletePairOutput = z.strictObject({ base: z.string(), quote: z.string(), deleted: count });
