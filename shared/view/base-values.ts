// A position's figures in the base currency (docs/engine.md, "Exchange rates" and "Price effect and
// currency effect"): market value at the valuation day's rate, cost basis at each lot's own
// purchase-day rate (or the broker's rate the trade carried), and the unrealized gain split into
// the price effect and the currency effect. A missing rate gives nulls and the reason, touching
// nothing else.
import type { Transaction } from '../domain/transaction';
import { Decimal } from '../engine/decimal';
import type { Position } from '../engine/ledger';
import type { Mark } from '../engine/positions';
import { lookupRate, type FxTable } from '../fx/rate-lookup';

/** A trade's own rate: account currency per unit of the trade's currency, and that account currency. */
export interface TradeRate {
  rate: Decimal;
  accountCurrency: string;
}

/** What a view needs to put anything in the base currency. */
export interface BaseContext {
  base: string;
  fx: FxTable;
  /** The valuation day, whose rate converts values. */
  day: string;
  /** Broker rates by transaction id (trades across currencies that carried one). */
  tradeRates: ReadonlyMap<number, TradeRate>;
}

export type Converted = { value: Decimal; rate: Decimal; rateDay: string } | { value: null; reason: string };

/** `amount` in `currency` on `day` (the valuation day by default) in the base currency. */
export function toBase(ctx: BaseContext, amount: Decimal, currency: string, day = ctx.day): Converted {
  const found = lookupRate(ctx.fx, currency, ctx.base, day);
  if (!found.ok) return { value: null, reason: found.reason };
  return { value: currency === ctx.base ? amount : amount.mul(found.rate), rate: found.rate, rateDay: found.rateDay };
}

export interface PositionInBase {
  /** Base per unit of the position's currency on the valuation day (null: no rate). */
  rate: Decimal | null;
  rateDay: string | null;
  /** Market value (or, without a quote, cost) at that rate. */
  valueBase: Decimal | null;
  marketValueBase: Decimal | null;
  /** Σ each lot's cost at its purchase day's rate, or at its trade's broker rate. */
  costBasisBase: Decimal | null;
  unrealizedPlBase: Decimal | null;
  /** The own-currency gain at today's rate. */
  priceEffectBase: Decimal | null;
  /** The rest of the gain in base: what the rate's move since each purchase added. */
  currencyEffectBase: Decimal | null;
  realizedPlBase: Decimal | null;
  dividendsBase: Decimal | null;
  /** Why a figure above is null, in words; null when none is. */
  fxNote: string | null;
}

/** A lot's cost in the base currency: the broker's rate when its trade carried one, else its day's rate. */
function lotCostInBase(ctx: BaseContext, currency: string, lot: Position['lots'][number]): Converted {
  return tradeAmountInBase(ctx, lot.cost, currency, lot.transactionId, lot.acquired);
}

/**
 * A trade's amount in the base currency: through the broker's rate into the account's currency
 * when the trade carried one, then at `day`'s rate; else at `day`'s rate directly.
 */
export function tradeAmountInBase(
  ctx: BaseContext,
  amount: Decimal,
  currency: string,
  transactionId: number,
  day: string,
): Converted {
  const trade = ctx.tradeRates.get(transactionId);
  if (trade !== undefined && trade.accountCurrency !== currency)
    return toBase(ctx, amount.mul(trade.rate), trade.accountCurrency, day);
  return toBase(ctx, amount, currency, day);
}

export function positionInBase(ctx: BaseContext, p: Position & Mark): PositionInBase {
  const now = toBase(ctx, Decimal.ONE, p.currency);
  const reasons: string[] = [];
  let costBasisBase: Decimal | null = Decimal.ZERO;
  for (const lot of p.lots) {
    const cost = lotCostInBase(ctx, p.currency, lot);
    if (cost.value === null) {
      reasons.push(`cost basis: ${cost.reason}`);
      costBasisBase = null;
      break;
    }
    costBasisBase = costBasisBase.add(cost.value);
  }
  if (now.value === null) {
    return {
      rate: null,
      rateDay: null,
      valueBase: null,
      marketValueBase: null,
      costBasisBase,
      unrealizedPlBase: null,
      priceEffectBase: null,
      currencyEffectBase: null,
      realizedPlBase: null,
      dividendsBase: null,
      fxNote: [now.reason, ...reasons].join('; '),
    };
  }
  const rate = now.rate;
  const convert = (amount: Decimal) => (p.currency === ctx.base ? amount : amount.mul(rate));
  const marketValueBase = p.marketValue === null ? null : convert(p.marketValue);
  const unrealizedPlBase =
    marketValueBase === null || costBasisBase === null ? null : marketValueBase.sub(costBasisBase);
  const priceEffectBase = p.unrealizedPnl === null ? null : convert(p.unrealizedPnl);
  return {
    rate,
    rateDay: now.rateDay,
    valueBase: convert(p.marketValue ?? p.costBasis),
    marketValueBase,
    costBasisBase,
    unrealizedPlBase,
    priceEffectBase: unrealizedPlBase === null ? null : priceEffectBase,
    // The difference, so that the two effects add up to the gain exactly, whatever the rounding.
    currencyEffectBase:
      unrealizedPlBase === null || priceEffectBase === null ? null : unrealizedPlBase.sub(priceEffectBase),
    realizedPlBase: convert(p.realizedPnl),
    dividendsBase: convert(p.dividends),
    fxNote: reasons.length > 0 ? reasons.join('; ') : null,
  };
}

/** The broker rates of trades whose currency is not their account's, by transaction id. */
export function tradeRatesOf(
  transactions: readonly Transaction[],
  accountCurrency: ReadonlyMap<string, string>,
): Map<number, TradeRate> {
  const out = new Map<number, TradeRate>();
  for (const t of transactions) {
    if (t.fxRate === undefined || t.fxRate === null || t.fxRate.trim() === '') continue;
    const account = accountCurrency.get(t.account);
    if (account === undefined || account === t.currency) continue;
    const rate = Decimal.parse(t.fxRate);
    if (rate.isPositive()) out.set(t.id, { rate, accountCurrency: account });
  }
  return out;
}
