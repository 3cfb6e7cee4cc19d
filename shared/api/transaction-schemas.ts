import { z } from 'zod';
import { TRANSACTION_TYPES } from '../domain/transaction';
import { isDay } from '../engine/dates';
import { SYMBOL_RE } from '../quotes/symbols';

export const daySchema = z.string().refine(isDay, 'Use a real date written YYYY-MM-DD.');

export const decimalString = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,10})?$/, 'Use a plain number with a dot for decimals, such as 1234.56.');

export const symbolSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(SYMBOL_RE, 'Use the ticker symbol: letters, digits, and . ^ = - only.');

const optionalDecimal = z.union([decimalString, z.literal('').transform(() => null), z.null()]);

/**
 * The broker's exchange rate: account currency per 1 unit of the trade's currency (docs/engine.md).
 * Positive; the message names the field, since a form or a file shows several numbers side by side.
 */
export const fxRateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,10})?$/, 'Write the exchange rate (fxRate) as a plain positive number, such as 1.0856.')
  .refine((text) => /[1-9]/.test(text), 'The exchange rate (fxRate) must be more than zero.');

const optionalFxRate = z.union([fxRateSchema, z.literal('').transform(() => null), z.null()]);

/** A transaction as the user enters it; the ledger rules per type are checked by the engine. */
export const transactionInput = z.strictObject({
  date: daySchema,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:30.')
    .nullable()
    .default(null),
  account: z.string().trim().min(1, 'Choose an account.').max(80),
  type: z.enum(TRANSACTION_TYPES),
  symbol: z.union([symbolSchema, z.literal('').transform(() => null), z.null()]).default(null),
  quantity: optionalDecimal.default(null),
  price: optionalDecimal.default(null),
  fee: optionalDecimal.default(null),
  amount: optionalDecimal.default(null),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD.'),
  // Optional, as on the ledger's Transaction: absent and null both mean "use the day's cached rate".
  fxRate: optionalFxRate.optional(),
  note: z.string().max(10_000, 'Keep the note under 10,000 characters.').default(''),
});

export const transactionRow = z.strictObject({
  id: z.number().int(),
  date: z.string(),
  time: z.string().nullable(),
  account: z.string(),
  type: z.enum(TRANSACTION_TYPES),
  symbol: z.string().nullable(),
  quantity: z.string().nullable(),
  price: z.string().nullable(),
  fee: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string(),
  fxRate: z.string().nullable().optional(),
  note: z.string(),
});

export const transactionFilter = z.strictObject({
  account: z.string().optional(),
  symbol: z.string().optional(),
  type: z.enum(TRANSACTION_TYPES).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  search: z.string().max(200).optional(),
});

export type TransactionInput = z.output<typeof transactionInput>;
export type TransactionRow = z.output<typeof transactionRow>;
export type TransactionFilter = z.output<typeof transactionFilter>;
