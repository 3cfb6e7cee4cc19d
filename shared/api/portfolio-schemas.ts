import { z } from 'zod';
import { SLEEVES } from '../domain/sleeve';
import { PERIODS } from '../engine/periods';
import { daySchema, symbolSchema } from './transaction-schemas';

export const sleeveSchema = z.enum(SLEEVES);
const decimalOut = z.string();
const point = z.strictObject({ time: z.string(), value: z.number() });

/**
 * Amounts in one currency that a total leaves out: a total is in the base currency and does not
 * add amounts it cannot convert (no rate on or near the valuation day).
 */
export const leftOutSchema = z.strictObject({
  currency: z.string(),
  /** What the amounts would have added to the total, in their own currency. */
  amount: decimalOut,
  /** How many positions and cash balances were left out. */
  count: z.number().int(),
});

/**
 * Which position rows the holdings answer carries (totals, cash and currencies always): `all` (the
 * default) open and closed, `open` without the closed list, `none` neither. At 2,000 positions
 * the rows are 1.7 MB of JSON: a screen asks only for the rows it draws.
 */
export const HOLDINGS_POSITIONS = ['all', 'open', 'none'] as const;
export type HoldingsPositions = (typeof HOLDINGS_POSITIONS)[number];

export const holdingsInput = z.strictObject({
  asOf: daySchema.optional(),
  account: z.string().max(80).optional(),
  positions: z.enum(HOLDINGS_POSITIONS).optional(),
});

export const holdingRow = z.strictObject({
  account: z.string(),
  symbol: z.string(),
  name: z.string().nullable(),
  sleeve: sleeveSchema,
  currency: z.string(),
  /** Exact decimals as strings. */
  quantity: decimalOut,
  costBasis: decimalOut,
  marketValue: decimalOut.nullable(),
  unrealizedPl: decimalOut.nullable(),
  realizedPl: decimalOut,
  dividends: decimalOut,
  price: z.number().nullable(),
  priceDate: z.string().nullable(),
  /** The price is older than the valuation day (a holiday, a gap, or a quote that stopped). */
  stale: z.boolean(),
  /** Percent of the invested total (cash excluded); null for a position the total leaves out. */
  weightPct: z.number().nullable(),
  dayChange: z.number().nullable(),
  dayChangePct: z.number().nullable(),
  /** Shown at cost because there is no quote; `note` says why. */
  atCost: z.boolean(),
  note: z.string().nullable(),
  /**
   * In the base currency (docs/engine.md, "Exchange rates"): `fxRate` is base per unit of
   * `currency` on the valuation day (from `fxRateDay`); market value at it, cost basis at each
   * lot's purchase-day (or broker) rate, the gain and its price and currency effects. Null with
   * `fxNote` saying which rate is missing; the own-currency figures above stay.
   */
  fxRate: decimalOut.nullable(),
  fxRateDay: z.string().nullable(),
  marketValueBase: decimalOut.nullable(),
  costBasisBase: decimalOut.nullable(),
  unrealizedPlBase: decimalOut.nullable(),
  priceEffectBase: decimalOut.nullable(),
  currencyEffectBase: decimalOut.nullable(),
  /** Realized P&L and dividends at the valuation day's rate. */
  realizedPlBase: decimalOut.nullable(),
  dividendsBase: decimalOut.nullable(),
  fxNote: z.string().nullable(),
  /**
   * The position's return over the time held (docs/engine.md, "A holding's return"), in percent:
   * in its own currency, and in the base currency at each flow's day rate. Null without purchases
   * (shares transferred in) or, for the base, without a rate.
   */
  returnPct: z.number().nullable(),
  returnBasePct: z.number().nullable(),
});

/** One currency's share of the portfolio (holdings and cash in it), in the base currency. */
export const currencyExposure = z.strictObject({
  currency: z.string(),
  holdings: decimalOut,
  cash: decimalOut,
  total: decimalOut,
  /** Of the converted total (holdings plus cash); amounts without a rate are in `totals.leftOut`. */
  sharePct: z.number(),
});

/** A fully sold position: what it earned while held, in its own currency. */
export const closedHoldingRow = z.strictObject({
  account: z.string(),
  symbol: z.string(),
  name: z.string().nullable(),
  sleeve: sleeveSchema,
  currency: z.string(),
  realizedPl: decimalOut,
  dividends: decimalOut,
  /** Realized P&L plus dividends. */
  earned: decimalOut,
  /** As on an open row (holdingRow). */
  returnPct: z.number().nullable(),
  returnBasePct: z.number().nullable(),
});

/** A sleeve's sums over its open positions, in the base currency; `leftOut`: its positions without a rate. */
export const sleeveSubtotalSchema = z.strictObject({
  sleeve: sleeveSchema,
  positions: z.number().int(),
  marketValue: decimalOut,
  costBasis: decimalOut,
  unrealizedPl: decimalOut,
  realizedPl: decimalOut,
  weightPct: z.number(),
  /** Null when no position in the sleeve has a day change. */
  dayChange: z.number().nullable(),
  leftOut: z.array(leftOutSchema),
});

export const holdingsOutput = z.strictObject({
  asOf: z.string().nullable(),
  baseCurrency: z.string(),
  rows: z.array(holdingRow),
  /**
   * Each sleeve's subtotal over all of `rows` (shared/view/holdings-view.ts), in the sleeves'
   * order: the table's group headings unfiltered, added up once here rather than on every visit
   * (20 ms of the Holdings screen's first frame at 2,000 positions). Sent with `positions: 'none'` too.
   */
  sleeves: z.array(sleeveSubtotalSchema),
  /** Positions sold down to nothing, for the holdings' "Include closed". */
  closed: z.array(closedHoldingRow),
  cash: z.array(
    z.strictObject({
      account: z.string(),
      currency: z.string(),
      balance: decimalOut,
      /** The balance in the base currency at `fxRate` (base per unit); null with `fxNote` without a rate. */
      balanceBase: decimalOut.nullable(),
      fxRate: decimalOut.nullable(),
      fxNote: z.string().nullable(),
    }),
  ),
  /** Exposure by currency, largest first. */
  currencies: z.array(currencyExposure),
  totals: z.strictObject({
    marketValue: decimalOut,
    costBasis: decimalOut,
    unrealizedPl: decimalOut,
    /** The unrealized P&L split: price effect + currency effect = unrealizedPl (rows with both). */
    priceEffect: decimalOut,
    currencyEffect: decimalOut,
    realizedPl: decimalOut,
    dividends: decimalOut,
    cash: decimalOut,
    total: decimalOut,
    dayChange: z.number().nullable(),
    dayChangePct: z.number().nullable(),
    /** What the totals leave out, by currency; the totals are in `baseCurrency`. */
    leftOut: z.array(leftOutSchema),
  }),
  notes: z.array(z.string()),
});

export const periodSchema = z.enum([...PERIODS, 'CUSTOM']);

export const performanceInput = z
  .strictObject({
    period: periodSchema.default('ALL'),
    from: daySchema.optional(),
    to: daySchema.optional(),
    benchmark: symbolSchema.optional(),
    account: z.string().max(80).optional(),
  })
  .refine((i) => i.period !== 'CUSTOM' || (i.from !== undefined && i.to !== undefined && i.from <= i.to), {
    message: 'A custom period needs from and to, from first.',
    path: ['from'],
  });

export const performanceOutput = z.strictObject({
  from: z.string().nullable(),
  to: z.string().nullable(),
  baseCurrency: z.string(),
  value: z.array(point),
  /** Time-weighted growth of 100 over the period. */
  growth: z.array(point),
  /**
   * Compared over the days both cover (`from`–`to`, shorter than the period when the benchmark's
   * closes start later or stop earlier); the figures are null when there are none in common.
   */
  benchmark: z
    .strictObject({
      symbol: z.string(),
      /** `total`: its change with dividends reinvested (adjusted closes); `price`: closes only. */
      basis: z.enum(['total', 'price']),
      /** The benchmark's own currency; its closes are measured in `measuredIn` (the base) at each day's rate. */
      currency: z.string(),
      measuredIn: z.string(),
      /** Over the span only, starting at the portfolio's growth on its first day. */
      growth: z.array(point),
      from: z.string().nullable(),
      to: z.string().nullable(),
      pct: z.number().nullable(),
      /** The portfolio's time-weighted return over the same span. */
      portfolioPct: z.number().nullable(),
      relativePct: z.number().nullable(),
      firstDay: z.string(),
      lastDay: z.string(),
      startsLate: z.boolean(),
      endsEarly: z.boolean(),
    })
    .nullable(),
  startValue: z.number().nullable(),
  endValue: z.number().nullable(),
  twrPct: z.number().nullable(),
  mwrPct: z.number().nullable(),
  mwrAnnualizedPct: z.number().nullable(),
  /** Days whose value carries an earlier close for at least one holding. */
  carriedDays: z.number().int(),
  notes: z.array(z.string()),
});

export const sleeveWeightsSchema = z.strictObject({
  large_cap_tech: z.number().min(0).max(1),
  financials: z.number().min(0).max(1),
  small_caps: z.number().min(0).max(1),
  other: z.number().min(0).max(1),
});

export const tiltOutput = z.strictObject({
  asOf: z.string().nullable(),
  baseCurrency: z.string(),
  total: z.number(),
  /** Holdings the total and the weights leave out, by currency. */
  leftOut: z.array(leftOutSchema),
  sleeves: z.array(
    z.strictObject({
      sleeve: sleeveSchema,
      value: z.number(),
      weightPct: z.number(),
      benchmarkPct: z.number(),
      targetPct: z.number().nullable(),
      activeVsBenchmarkPct: z.number(),
      activeVsTargetPct: z.number().nullable(),
      holdings: z.array(z.string()),
    }),
  ),
  trades: z.array(
    z.strictObject({
      sleeve: sleeveSchema,
      symbol: z.string().nullable(),
      amount: decimalOut,
      quantity: z.number().nullable(),
    }),
  ),
  benchmarkName: z.string(),
});

/** What a rotation chart compares: a symbol's closes, a sleeve of the portfolio, or the whole portfolio. */
export const subjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('symbol'), symbol: symbolSchema }),
  z.strictObject({ kind: z.literal('sleeve'), sleeve: sleeveSchema }),
  z.strictObject({ kind: z.literal('portfolio') }),
]);

export const rotationInput = z.strictObject({
  subject: subjectSchema,
  vs: subjectSchema,
  from: daySchema.optional(),
  to: daySchema.optional(),
  /** A range of whole years counted back from the last day both series share (ignored with `from`). */
  years: z.number().int().min(1).max(100).optional(),
  /** Rebase the relative-strength line to 100 on this day (default: the first common day shown). */
  base: daySchema.optional(),
  average: z.number().int().min(2).max(400).default(50),
  /**
   * true: for an overview strip, only the span and the subject's price line, cut to at most
   * OVERVIEW_POINTS points (every run's low and high kept); the other lines and markers are empty.
   */
  overview: z.boolean().default(false),
});

/** The most points an overview line carries: more than any strip is pixels wide. */
export const OVERVIEW_POINTS = 1000;

const dayClose = z.strictObject({ day: z.string(), close: z.number() });

export const rotationOutput = z.strictObject({
  subjectLabel: z.string(),
  vsLabel: z.string(),
  price: z.array(point),
  priceAverage: z.array(point),
  ratio: z.array(point),
  ratioAverage: z.array(point),
  regimeChanges: z.array(z.strictObject({ time: z.string(), direction: z.enum(['up', 'down']) })),
  /** The relative-strength line's side of its average on the last day, since its last regime change. */
  trend: z.strictObject({ side: z.enum(['above', 'below']), since: z.string().nullable() }).nullable(),
  /** A side whose prices end before the other's: the comparison stops at its last close. */
  ended: z.array(z.strictObject({ label: z.string(), lastDay: z.string() })),
  /** What the span leaves out or bridges, in words. */
  notes: z.array(z.string()),
  drawdown: z.array(point),
  maxDrawdown: z.strictObject({ pct: z.number(), peak: dayClose, trough: dayClose }).nullable(),
  newHighs: z.array(z.string()),
  lowest: z.strictObject({ day: z.string(), close: z.number(), abovePct: z.number() }).nullable(),
  stats: z.strictObject({
    from: z.string().nullable(),
    to: z.string().nullable(),
    changePct: z.number().nullable(),
    vsChangePct: z.number().nullable(),
    relativePct: z.number().nullable(),
    distanceFromAveragePct: z.number().nullable(),
    extended: z.enum(['above', 'below']).nullable(),
    best: z.strictObject({ days: z.number(), pct: z.number(), start: z.string(), end: z.string() }).nullable(),
    worst: z.strictObject({ days: z.number(), pct: z.number(), start: z.string(), end: z.string() }).nullable(),
  }),
});

export const rrgInput = z.strictObject({
  benchmark: subjectSchema,
  members: z.array(subjectSchema).max(40).optional(),
  tail: z.number().int().min(1).max(52).default(8),
  to: daySchema.optional(),
  /** Weekly (each week's last close) or daily points; N = 14 of them either way. */
  period: z.enum(['weekly', 'daily']).default('weekly'),
  /** true: a symbol the portfolio holds is shown only on the weeks it was held (a holding). */
  heldOnly: z.boolean().default(true),
  /** true: every point up to `to`, not only the last `tail` (the graph's scrubber slices it). */
  history: z.boolean().default(false),
});

export const rrgOutput = z.strictObject({
  benchmarkLabel: z.string(),
  period: z.enum(['weekly', 'daily']),
  /** Members asked for that have no prices at all (left off the graph). */
  missing: z.array(z.string()),
  members: z.array(
    z.strictObject({
      /** The symbol, the sleeve's id, or `portfolio`. */
      key: z.string(),
      label: z.string(),
      kind: z.enum(['symbol', 'sleeve', 'portfolio']),
      quadrant: z.enum(['leading', 'weakening', 'lagging', 'improving']).nullable(),
      /** The member's last week shown, when it is before the benchmark's last week (its data or holding ended). */
      ended: z.string().nullable(),
      tail: z.array(z.strictObject({ day: z.string(), ratio: z.number(), momentum: z.number() })),
    }),
  ),
});

export const instrumentRow = z.strictObject({
  symbol: z.string(),
  name: z.string().nullable(),
  kind: z.enum(['stock', 'etf', 'index', 'fund', 'cash']),
  currency: z.string(),
  sleeve: sleeveSchema,
  sleeveOverride: sleeveSchema.nullable(),
});

export const instrumentUpdate = z.strictObject({
  symbol: symbolSchema,
  sleeve: sleeveSchema.nullable().optional(),
  name: z.string().trim().max(120).nullable().optional(),
  kind: z.enum(['stock', 'etf', 'index', 'fund', 'cash']).optional(),
  /** The currency its prices are in; refused while transactions of the symbol are in another. */
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Write the currency as a three-letter code such as USD.')
    .optional(),
});

export type HoldingsOutput = z.output<typeof holdingsOutput>;
export type PerformanceOutput = z.output<typeof performanceOutput>;
export type TiltOutput = z.output<typeof tiltOutput>;
export type RotationOutput = z.output<typeof rotationOutput>;
export type RrgOutput = z.output<typeof rrgOutput>;
export type Subject = z.output<typeof subjectSchema>;
export type LeftOut = z.output<typeof leftOutSchema>;
export type CurrencyExposure = z.output<typeof currencyExposure>;
