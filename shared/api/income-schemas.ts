import { z } from 'zod';
import { daySchema } from './transaction-schemas';
import { sleeveSchema } from './portfolio-schemas';

const money = z.string();

export const incomeInput = z.strictObject({
  from: daySchema.optional(),
  to: daySchema.optional(),
  account: z.string().max(80).optional(),
});

/** Gross income, the taxes withheld on it, and what was left, in the base currency. */
const amounts = {
  dividends: money,
  interest: money,
  /** Withheld: a dividend's or interest's fee, and tax records that name a holding. */
  taxes: money,
  /** dividends + interest − taxes. */
  net: money,
};

/** Trailing twelve months, yield on cost and the forward estimate (docs/engine.md, "Income"). */
const outlook = {
  /** Dividends of the twelve months up to the valuation day, whatever the range. */
  ttmDividends: money,
  /** Cost basis of the shares held now; null for a holding no longer held. */
  costBasis: money.nullable(),
  /** TTM dividends of what is held now ÷ its cost basis, in %. Null when nothing is held. */
  yieldOnCostPct: z.number().nullable(),
  /** An estimate: each TTM dividend per share × the shares held now. Null when nothing is held. */
  forwardEstimate: money.nullable(),
};

export const incomeOutput = z.strictObject({
  baseCurrency: z.string(),
  /** The valuation day, which the trailing twelve months end on. */
  asOf: daySchema.nullable(),
  ttmFrom: daySchema.nullable(),
  months: z.array(z.strictObject({ month: z.string(), ...amounts })),
  years: z.array(z.strictObject({ year: z.string(), ...amounts })),
  holdings: z.array(
    z.strictObject({
      symbol: z.string(),
      name: z.string().nullable(),
      sleeve: sleeveSchema,
      open: z.boolean(),
      dividends: money,
      taxes: money,
      net: money,
      ...outlook,
    }),
  ),
  sleeves: z.array(z.strictObject({ sleeve: sleeveSchema, dividends: money, taxes: money, net: money, ...outlook })),
  totals: z.strictObject({ ...amounts, ttmInterest: money, ...outlook }),
  /** Records left out of every figure for want of an exchange rate on their day, in words. */
  leftOut: z.array(z.string()),
});

export type IncomeInput = z.output<typeof incomeInput>;
export type IncomeOutput = z.output<typeof incomeOutput>;
