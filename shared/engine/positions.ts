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
  accounts: string[];
}

export function totalPositions(accounts: readonly AccountState[]): TotalPosition[] {
  const totals = new Map<string, TotalPosition>();
  for (const account of accounts) {
    for (const p of account.positions) {
      const total = totals.get(p.symbol) ?? {
        symbol: p.symbol,
        currency: p.currency,
        quantity: Decimal.ZERO,
        costBasis: Decimal.ZERO,
        lots: [],
        realizedPnl: Decimal.ZERO,
        dividends: Decimal.ZERO,
        fees: Decimal.ZERO,
        accounts: [],
      };
      total.quantity = total.quantity.add(p.quantity);
      total.costBasis = total.costBasis.add(p.costBasis);
      total.realizedPnl = total.realizedPnl.add(p.realizedPnl);
      total.dividends = total.dividends.add(p.dividends);
      total.fees = total.fees.add(p.fees);
      total.lots = mergeLots(total.lots, p.lots, p.account);
      total.accounts.push(p.account);
      totals.set(p.symbol, total);
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
}

/** Adds market value and unrealized P&L at the given closes (split-adjusted, so today's shares). */
export function markPositions<P extends Pick<Position, 'symbol' | 'quantity' | 'costBasis'>>(
  positions: readonly P[],
  closeOf: (symbol: string) => number | undefined,
): (P & Mark)[] {
  return positions.map((p) => {
    const close = closeOf(p.symbol);
    if (close === undefined || !Number.isFinite(close))
      return { ...p, price: null, marketValue: null, unrealizedPnl: null };
    const price = Decimal.fromNumber(close);
    const marketValue = p.quantity.mul(price);
    return { ...p, price, marketValue, unrealizedPnl: marketValue.sub(p.costBasis) };
  });
}
