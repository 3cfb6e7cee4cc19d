// A position's return over the time it was held (docs/engine.md, "A holding's return"): what it
// gave back (sales, dividends, and its value today) against what was put in (its purchases), in
// its own currency and in the base currency at each flow's own day rate.
import type { Transaction } from '../domain/transaction';
import { Decimal } from '../engine/decimal';
import { toBase, type BaseContext } from './base-values';

export interface PositionReturn {
  /** Percent; null when nothing was bought (shares only transferred in) or a rate is missing. */
  returnPct: number | null;
  returnBasePct: number | null;
}

const money = (text: string | null | undefined) => Decimal.parseOptional(text ?? null) ?? Decimal.ZERO;

/** The money a record moved into (+) or out of (−) the position, in its own currency; null for records that are not its flows. */
function flowOf(t: Transaction): Decimal | null {
  const gross = () => money(t.quantity).mul(money(t.price));
  switch (t.type) {
    case 'buy':
      return gross().add(money(t.fee)).neg();
    case 'sell':
      return gross().sub(money(t.fee));
    case 'dividend':
      // The fee of a dividend is the tax withheld from it: what arrived is the rest.
      return money(t.amount).sub(money(t.fee));
    default:
      return null;
  }
}

/**
 * `records`: the position's own records (one account, one symbol) in any order; `value`: its value
 * today in its own currency (zero once sold). A record carrying a broker rate is converted through
 * its account's currency at that rate, as its lot's cost is.
 */
export function positionReturn(
  ctx: BaseContext,
  records: readonly Transaction[],
  currency: string,
  value: Decimal,
): PositionReturn {
  if (records.some((t) => t.type === 'transfer_in' || t.type === 'transfer_out'))
    // Shares carried from another account brought no money into this one: no return of its own.
    return { returnPct: null, returnBasePct: null };
  let paid = Decimal.ZERO;
  let got = value;
  let paidBase: Decimal | null = Decimal.ZERO;
  const valueBase = toBase(ctx, value, currency);
  let gotBase: Decimal | null = valueBase.value;
  for (const t of records) {
    const flow = flowOf(t);
    if (flow === null) continue;
    if (flow.isNegative()) paid = paid.sub(flow);
    else got = got.add(flow);
    const trade = ctx.tradeRates.get(t.id);
    const inBase =
      trade !== undefined && trade.accountCurrency !== t.currency
        ? toBase(ctx, flow.mul(trade.rate), trade.accountCurrency, t.date)
        : toBase(ctx, flow, t.currency, t.date);
    if (inBase.value === null || paidBase === null || gotBase === null) {
      paidBase = null;
      continue;
    }
    if (flow.isNegative()) paidBase = paidBase.sub(inBase.value);
    else gotBase = gotBase.add(inBase.value);
  }
  const pct = (out: Decimal | null, inn: Decimal | null) =>
    out === null || inn === null || !inn.isPositive() ? null : (out.sub(inn).toNumber() / inn.toNumber()) * 100;
  return { returnPct: pct(got, paid), returnBasePct: pct(gotBase, paidBase) };
}

/** Records by account and symbol, for looking up each position's own. */
export function recordsByPosition(records: readonly Transaction[]): Map<string, Transaction[]> {
  const out = new Map<string, Transaction[]>();
  for (const t of records) {
    if (t.symbol === null) continue;
    const key = positionKey(t.account, t.symbol);
    const list = out.get(key);
    if (list) list.push(t);
    else out.set(key, [t]);
  }
  return out;
}

export const positionKey = (account: string, symbol: string) => `${account}\u0000${symbol}`;
