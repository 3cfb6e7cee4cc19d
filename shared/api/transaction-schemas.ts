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
