// What the holdings call answers: each open position marked at its last close, cash per account,
// and totals in the base currency. Money is exact (decimal strings); prices, weights and day
// changes are floats, as the closes they come from.
import { ApiError } from '../api/errors';
import type { HoldingsOutput } from '../api/portfolio-schemas';
import { closeOnOrBefore } from '../engine/close-series';
import { Decimal } from '../engine/decimal';
import type { Position } from '../engine/ledger';
import type { Mark } from '../engine/positions';
import { leftOut } from './left-out';
import type { Snapshot } from './snapshot';

const sum = (values: Iterable<Decimal>) => Decimal.sum(values).toString();

/** A position without a quote counts at cost. */
const valueOf = (p: Position & Mark) => p.marketValue ?? p.costBasis;

/**
 * The totals are in the base currency and add nothing in another: until amounts can be converted,
 * those are left out of every total (and of the weights) and listed in `totals.leftOut`.
 */
export function holdingsView(snapshot: Snapshot, account: string | undefined): HoldingsOutput {
  const { result, closes, asOf, sleeveOf, names } = snapshot;
  const base = result.series.baseCurrency;
  const accounts = result.accounts.filter((a) => account === undefined || a.name === account);
  if (account !== undefined && accounts.length === 0)
    throw new ApiError('not_found', `There is no account named "${account}".`);
  const noteBySymbol = new Map(result.series.notes.filter((n) => n.symbol).map((n) => [n.symbol as string, n.message]));

  const positions = accounts.flatMap((a) => a.positions);
  const open = positions.filter((p) => !p.quantity.isZero());
  const counted = open.filter((p) => p.currency === base);
  const marketValue = Decimal.sum(counted.map(valueOf));
  const invested = marketValue.toNumber();

  const rows = open.map((p) => {
    const quote = asOf ? closeOnOrBefore(closes.get(p.symbol), asOf) : null;
    const qty = p.quantity.toNumber();
    // Closes are on today's share scale; a position as of a past day is on that day's (p.scale).
    const dayChange =
      quote?.previous && quote.bar.day === asOf ? qty * p.scale * (quote.bar.close - quote.previous.close) : null;
    return {
      account: p.account,
      symbol: p.symbol,
      name: names.get(p.symbol) ?? null,
      sleeve: sleeveOf(p.symbol),
      currency: p.currency,
      quantity: p.quantity.toString(),
      costBasis: p.costBasis.toString(),
      marketValue: p.marketValue?.toString() ?? null,
      unrealizedPl: p.unrealizedPnl?.toString() ?? null,
      realizedPl: p.realizedPnl.toString(),
      dividends: p.dividends.toString(),
      price: p.price?.toNumber() ?? null,
      priceDate: quote ? quote.bar.day : null,
      stale: quote !== null && asOf !== null && quote.bar.day < asOf,
      weightPct: p.currency !== base ? null : invested > 0 ? (valueOf(p).toNumber() / invested) * 100 : 0,
      dayChange,
      dayChangePct: dayChange !== null && quote?.previous ? (quote.bar.close / quote.previous.close - 1) * 100 : null,
      atCost: p.marketValue === null,
      note: p.marketValue === null ? (noteBySymbol.get(p.symbol) ?? `No quotes for ${p.symbol}: shown at cost.`) : null,
    };
  });

  const closed = positions
    .filter((p) => p.quantity.isZero())
    .map((p) => ({
      account: p.account,
      symbol: p.symbol,
      name: names.get(p.symbol) ?? null,
      sleeve: sleeveOf(p.symbol),
      currency: p.currency,
      realizedPl: p.realizedPnl.toString(),
      dividends: p.dividends.toString(),
      earned: p.realizedPnl.add(p.dividends).toString(),
    }));

  const balances = accounts.flatMap((a) => a.cash.map((c) => ({ account: a.name, ...c })));
  const cashTotal = Decimal.sum(balances.filter((c) => c.currency === base).map((c) => c.balance));
  // Each day change is a float (closes are); their sum is taken exactly, each at its shortest decimal form.
  const dayChanges = rows.filter((r) => r.currency === base && r.dayChange !== null).map((r) => r.dayChange as number);
  const dayChange = dayChanges.length > 0 ? Decimal.sum(dayChanges.map(Decimal.fromNumber)).toNumber() : null;
  const previousValue = dayChange === null ? null : invested - dayChange;
  const inBase = positions.filter((p) => p.currency === base);
  return {
    asOf,
    baseCurrency: base,
    rows,
    closed,
    cash: balances.map((c) => ({ account: c.account, currency: c.currency, balance: c.balance.toString() })),
    totals: {
      marketValue: marketValue.toString(),
      costBasis: sum(counted.map((p) => p.costBasis)),
      unrealizedPl: sum(counted.flatMap((p) => (p.unrealizedPnl ? [p.unrealizedPnl] : []))),
      realizedPl: sum(inBase.map((p) => p.realizedPnl)),
      dividends: sum(inBase.map((p) => p.dividends)),
      cash: cashTotal.toString(),
      total: marketValue.add(cashTotal).toString(),
      dayChange,
      dayChangePct: dayChange !== null && previousValue ? (dayChange / previousValue) * 100 : null,
      leftOut: leftOut(
        [
          // A closed position counts (its realized P&L and dividends are left out) but adds no value.
          ...positions.map((p) => ({ currency: p.currency, amount: p.quantity.isZero() ? Decimal.ZERO : valueOf(p) })),
          ...balances.filter((c) => !c.balance.isZero()).map((c) => ({ currency: c.currency, amount: c.balance })),
        ],
        base,
      ),
    },
    notes: result.series.notes.map((n) => n.message),
  };
}
