import { z } from 'zod';
import { SLEEVES } from '../domain/sleeve';
import { closedHoldingRow, holdingRow } from './portfolio-schemas';
import { symbolSchema } from './transaction-schemas';

const decimalOut = z.string();
const point = z.strictObject({ time: z.string(), value: z.number() });

export const holdingInput = z.strictObject({ symbol: symbolSchema, account: z.string().max(80).optional() });

/** A relative-strength line: 100 × (holding ÷ reference), rebased to 100 on their first common day. */
const relativeLine = z.strictObject({ symbol: z.string(), points: z.array(point) });

/** One holding's page: its positions in each account, lots, trades, prices and relative strength. */
export const holdingOutput = z.strictObject({
  symbol: z.string(),
  name: z.string().nullable(),
  sleeve: z.enum(SLEEVES),
  currency: z.string(),
  baseCurrency: z.string(),
  asOf: z.string().nullable(),
  /** The ledger's cost method, which made the lots and the realized P&L. */
  costMethod: z.enum(['fifo', 'lifo', 'hifo', 'average']),
  /** Open positions, per account, as the holdings call gives them. */
  open: z.array(holdingRow),
  /** Positions sold down to nothing, per account. */
  closed: z.array(closedHoldingRow),
  /** Open lots, oldest first; under average cost each lot's cost is its share of the pool. */
  lots: z.array(
    z.strictObject({
      account: z.string(),
      acquired: z.string(),
      quantity: decimalOut,
      cost: decimalOut,
      /** At the purchase day's (or the broker's) rate; null without one. */
      costBase: decimalOut.nullable(),
    }),
  ),
  /**
   * Lots closed by sales, each sale's share of one lot (LedgerResult.sales), in the order the sales
   * were booked; the same rows as the Realized gains screen, for this symbol.
   */
  closedLots: z.array(
    z.strictObject({
      account: z.string(),
      acquired: z.string(),
      sold: z.string(),
      quantity: decimalOut,
      proceeds: decimalOut,
      cost: decimalOut,
      gain: decimalOut,
    }),
  ),
  /** Sums over every account in the holding's own currency, and in the base currency (null when a rate is missing). */
  totals: z.strictObject({
    quantity: decimalOut,
    costBasis: decimalOut,
    marketValue: decimalOut.nullable(),
    unrealizedPl: decimalOut.nullable(),
    realizedPl: decimalOut,
    dividends: decimalOut,
    costBasisBase: decimalOut.nullable(),
    marketValueBase: decimalOut.nullable(),
    unrealizedPlBase: decimalOut.nullable(),
    realizedPlBase: decimalOut.nullable(),
    dividendsBase: decimalOut.nullable(),
  }),
  /** Daily closes, and the buys and sells to mark on them. */
  prices: z.array(point),
  trades: z.array(
    z.strictObject({
      day: z.string(),
      account: z.string(),
      side: z.enum(['buy', 'sell']),
      quantity: decimalOut,
      price: decimalOut,
    }),
  ),
  relative: z.strictObject({
    benchmark: relativeLine.nullable(),
    /** Against the sleeve's index (shared/domain/sleeve-index.ts); null with `sleeveNote` when there is none. */
    sleeve: relativeLine.nullable(),
    sleeveNote: z.string().nullable(),
  }),
});

export type HoldingOutput = z.output<typeof holdingOutput>;
