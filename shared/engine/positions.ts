import { Decimal } from './decimal';
import { compareText, type AccountState, type Position } from './ledger';
import type { Lot } from './lots';

export interface AccountLot extends Lot {
  account: string;
}

/** One instrument across every account. */
export interface TotalPosition {
  symbol: string;
  currency: string;
  quantity: Decimal;
  costBasis: Decimal;
  /** Every account's open lots, oldest first. */
  lots: AccountLot[];
  realizedPnl: Decimal;
  dividends: Decimal;
  fees: Decimal;
  taxes: Decimal;
  accounts: string[];
}

export function totalPositions(accounts: readonly AccountState[]): TotalPosition[] {
  const totals = new Map<string, TotalPosition>();
  for (const account of accounts) {
    for (const p of account.positions) {
      let total = totals.get(p.symbol);
      if (total === undefined) {
        total = {
          symbol: p.symbol,
          currency: p.currency,
          quantity: Decimal.ZERO,
          costBasis: Decimal.ZERO,
          lots: [],
          realizedPnl: Decimal.ZERO,
          dividends: Decimal.ZERO,
          fees: Decimal.ZERO,
          taxes: Decimal.ZERO,
          accounts: [],
        };
        totals.set(p.symbol, total);
      }
      total.quantity = total.quantity.add(p.quantity);
      total.costBasis = total.costBasis.add(p.costBasis);
      total.realizedPnl = total.realizedPnl.add(p.realizedPnl);
      total.dividends = total.dividends.add(p.dividends);
      total.fees = total.fees.add(p.fees);
      total.taxes = total.taxes.add(p.taxes);
      total.lots = mergeLots(total.lots, p.lots, p.account);
      total.accounts.push(p.account);
    }
  }
  return [...totals.values()].sort((a, b) => compareText(a.symbol, b.symbol));
}

/** Each account's lots are already oldest first: merge rather than sort. */
function mergeLots(merged: AccountLot[], lots: readonly Lot[], account: string): AccountLot[] {
  const out: AccountLot[] = [];
  let i = 0;
  for (const lot of lots) {
    while (i < merged.length && !isBefore(lot, merged[i] as AccountLot)) out.push(merged[i++] as AccountLot);
    out.push({
      account,
      acquired: lot.acquired,
      quantity: lot.quantity,
      cost: lot.cost,
      transactionId: lot.transactionId,
    });
  }
  while (i < merged.length) out.push(merged[i++] as AccountLot);
  return out;
}

function isBefore(a: Lot, b: Lot): boolean {
  return a.acquired < b.acquired || (a.acquired === b.acquired && a.transactionId < b.transactionId);
}

export interface Mark {
  /** The close used, exact as quoted; null when the instrument has no quote. */
  price: Decimal | null;
  marketValue: Decimal | null;
  /** Market value minus cost basis; null without a price (the position is then shown at cost). */
  unrealizedPnl: Decimal | null;
  /**
   * What the close was multiplied by: the ratios of the holding's split records after the day
   * valued (1 for today). Closes are on today's share scale, positions as of a past day on that
   * day's, so the price shown is the close times this.
   */
  scale: number;
}

/** The ratios of a holding's later split records, multiplied out as one exact fraction. */
export interface Scale {
  numerator: Decimal;
  denominator: Decimal;
}

export const ONE_TO_ONE: Scale = Object.freeze({ numerator: Decimal.ONE, denominator: Decimal.ONE });

// Marked positions are built field by field: an object spread of a position took microseconds
// each here (thousands per recompute), a literal takes nanoseconds.

/**
 * Adds market value and unrealized P&L at the given closes (split-adjusted, so today's shares),
 * each times `scaleOf` the position (see Mark.scale; by default 1).
 */
export function markPositions(
  positions: readonly Position[],
  closeOf: (symbol: string) => number | undefined,
  scaleOf?: (p: Position) => Scale,
): (Position & Mark)[] {
  const markOf = marker(closeOf);
  return positions.map((p) => {
    const { price, marketValue, unrealizedPnl, scale } = markOf(p, scaleOf?.(p));
    return {
      account: p.account,
      symbol: p.symbol,
      currency: p.currency,
      quantity: p.quantity,
      costBasis: p.costBasis,
      lots: p.lots,
      realizedPnl: p.realizedPnl,
      dividends: p.dividends,
      fees: p.fees,
      taxes: p.taxes,
      price,
      marketValue,
      unrealizedPnl,
      scale,
    };
  });
}

const UNPRICED: Readonly<Mark> = Object.freeze({ price: null, marketValue: null, unrealizedPnl: null, scale: 1 });

/** Marks at each symbol's close, its exact price parsed once per symbol. */
function marker(
  closeOf: (symbol: string) => number | undefined,
): (p: Pick<Position, 'symbol' | 'quantity' | 'costBasis'>, scale?: Scale) => Mark {
  const prices = new Map<string, Decimal | null>();
  return (p, scale) => {
    let price = prices.get(p.symbol);
    if (price === undefined) {
      const close = closeOf(p.symbol);
      price = close === undefined || !Number.isFinite(close) ? null : Decimal.fromNumber(close);
      prices.set(p.symbol, price);
    }
    if (price === null) return UNPRICED;
    // × numerator ÷ denominator in one rounding: a 1-for-3 split after the day is close × 1 ÷ 3,
    // not close × 0.3333333333.
    const scaled = scale !== undefined && !scale.numerator.eq(scale.denominator);
    if (scaled) price = price.mulDiv(scale.numerator, scale.denominator);
    const marketValue = p.quantity.mul(price);
    const factor = scaled ? scale.numerator.toNumber() / scale.denominator.toNumber() : 1;
    return { price, marketValue, unrealizedPnl: marketValue.sub(p.costBasis), scale: factor };
  };
}
