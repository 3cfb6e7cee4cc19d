// Realized gains by tax year, lot by lot (shared/view/realized-gains.ts; docs/engine.md,
// "Realized gains by tax year"). Money is exact decimal strings in the sale's currency, with the
// base-currency figures beside them (null, with the reason, when a rate is missing).
import { z } from 'zod';

const decimalOut = z.string();

export const realizedInput = z.strictObject({
  /** The tax year (the sale's calendar year); every year when left out. */
  year: z.number().int().min(1900).max(9999).optional(),
  account: z.string().max(80).optional(),
});

export const realizedRow = z.strictObject({
  account: z.string(),
  symbol: z.string(),
  currency: z.string(),
  /** The account's cost method when the sale was booked. */
  method: z.enum(['fifo', 'lifo', 'hifo', 'average']),
  /** The sale (a sale that took several lots gives a row per lot). */
  saleId: z.number().int(),
  acquired: z.string(),
  sold: z.string(),
  quantity: decimalOut,
  proceeds: decimalOut,
  cost: decimalOut,
  gain: decimalOut,
  term: z.enum(['short', 'long']),
  /** Proceeds at the sale day's rate, cost at the lot's purchase-day rate (or its trade's broker rate). */
  proceedsBase: decimalOut.nullable(),
  costBase: decimalOut.nullable(),
  gainBase: decimalOut.nullable(),
  fxNote: z.string().nullable(),
});

const termTotals = z.strictObject({ proceeds: decimalOut, cost: decimalOut, gain: decimalOut });

/** An account's totals in one year and currency; the base-currency gains leave out rows without a rate. */
export const realizedTotal = z.strictObject({
  year: z.number().int(),
  account: z.string(),
  currency: z.string(),
  short: termTotals,
  long: termTotals,
  gain: decimalOut,
  gainBase: decimalOut,
  /** Rows whose base figures are missing (no rate), left out of gainBase. */
  leftOutOfBase: z.number().int(),
});

export const realizedOutput = z.strictObject({
  baseCurrency: z.string(),
  /** Every year with a sale (for a year picker), newest first. */
  years: z.array(z.number().int()),
  rows: z.array(realizedRow),
  totals: z.array(realizedTotal),
});

export type RealizedInput = z.infer<typeof realizedInput>;
export type RealizedRow = z.infer<typeof realizedRow>;
export type RealizedTotal = z.infer<typeof realizedTotal>;
export type RealizedOutput = z.infer<typeof realizedOutput>;
