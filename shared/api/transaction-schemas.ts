import { z } from 'zod';
import { TRANSACTION_TYPES } from '../domain/transaction';
import { isDay } from '../engine/dates';
import { canonicalSplitRatio, SplitRatioError } from '../engine/split-ratio';
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

/**
 * A split's quantity is its ratio (split-ratio.ts): `3:1`, `1/3`, `1-for-3`, `0.5` … and is
 * stored in one spelling, so an export imports back byte for byte. Other types' quantity is a
 * plain decimal, checked as the other number fields are.
 */
function quantityProblem(value: { type?: unknown; quantity?: unknown }): string | null {
  const { type, quantity } = value;
  if (typeof quantity !== 'string') return null;
  if (type === 'split') {
    try {
      canonicalSplitRatio(quantity);
      return null;
    } catch (error) {
      if (error instanceof SplitRatioError) return error.message;
      throw error;
    }
  }
  const checked = decimalString.safeParse(quantity);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'Use a plain number.');
}

/** The quantity's check runs beside the other fields' (a form shows every problem at once). */
function checkQuantity(
  value: { type?: unknown; quantity?: unknown },
  ctx: { addIssue: z.RefinementCtx['addIssue'] },
): void {
  const problem = quantityProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['quantity'], message: problem });
}

/** Only once every field passed: the stored spelling. */
function canonicalQuantity<T extends { type: string; quantity: string | null }>(value: T): T {
  if (value.quantity === null) return value;
  const quantity = value.type === 'split' ? canonicalSplitRatio(value.quantity) : value.quantity.trim();
  return { ...value, quantity };
}

// The fields; transactionInput adds the quantity's check, which depends on the type.
const transactionFields = z.strictObject({
  date: daySchema,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:30.')
    .nullable()
    .default(null),
  account: z.string().trim().min(1, 'Choose an account.').max(80),
  type: z.enum(TRANSACTION_TYPES),
  symbol: z.union([symbolSchema, z.literal('').transform(() => null), z.null()]).default(null),
  quantity: z
    .union([z.string().trim(), z.null()])
    .transform((text) => (text === '' ? null : text))
    .default(null),
  price: optionalDecimal.default(null),
  fee: optionalDecimal.default(null),
  amount: optionalDecimal.default(null),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD.'),
  // Optional, as on the ledger's Transaction: absent and null both mean "use the day's cached rate".
  fxRate: optionalFxRate.optional(),
  note: z.string().max(10_000, 'Keep the note under 10,000 characters.').default(''),
});

/** A transaction as the user enters it; the ledger rules per type are checked by the engine. */
export const transactionInput = transactionFields
  .superRefine((value, ctx) => checkQuantity(value, ctx))
  .transform((value) => canonicalQuantity(value));

/** A transaction as it was, with its id: the undo of a delete. */
export const transactionWithId = transactionFields
  .extend({ id: z.number().int().positive() })
  .superRefine((value, ctx) => checkQuantity(value, ctx))
  .transform((value) => canonicalQuantity(value));

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

/** The columns the transactions table shows, each sortable. */
export const TRANSACTION_SORTS = [
  'date',
  'account',
  'type',
  'symbol',
  'quantity',
  'price',
  'fee',
  'amount',
  'note',
] as const;

/** Most rows one `transactions:list` answers: a page, never the whole ledger. */
export const TRANSACTIONS_PAGE_MAX = 1000;

/**
 * A page of the transactions matching a filter, sorted in SQL. Newest first unless asked.
 * Ties (same date, same symbol …) are broken by id, in the same direction, so pages never overlap.
 */
export const transactionPageInput = transactionFilter.extend({
  offset: z.number().int().min(0).default(0),
  limit: z
    .number()
    .int()
    .min(1)
    .max(TRANSACTIONS_PAGE_MAX, `Ask for at most ${TRANSACTIONS_PAGE_MAX} rows at a time.`)
    .default(TRANSACTIONS_PAGE_MAX),
  sort: z.enum(TRANSACTION_SORTS).default('date'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});

/** A row's place in a sorted and filtered list, so that the table can open the page that holds it. */
export const transactionPositionInput = transactionFilter.extend({
  id: z.number().int().positive(),
  sort: z.enum(TRANSACTION_SORTS).default('date'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});

/** `offset` is the row's index in that order; null when the filter leaves it out. */
export const transactionPosition = z.strictObject({ offset: z.number().int().nullable(), total: z.number().int() });

export const transactionPage = z.strictObject({
  rows: z.array(transactionRow),
  /** How many transactions match the filter: the table's length. */
  total: z.number().int(),
  /** How many transactions there are, filter or not. */
  all: z.number().int(),
});

export type TransactionInput = z.output<typeof transactionInput>;
export type TransactionRow = z.output<typeof transactionRow>;
export type TransactionFilter = z.output<typeof transactionFilter>;
export type TransactionPageInput = z.input<typeof transactionPageInput>;
export type TransactionPageQuery = z.output<typeof transactionPageInput>;
export type TransactionPage = z.output<typeof transactionPage>;
export type TransactionSort = (typeof TRANSACTION_SORTS)[number];
