// What the holdings call answers: each open position marked at its last close, cash per account,
// and totals in the base currency. Money is exact (decimal strings); prices, weights and day
// changes are floats, as the closes they come from.
import { ApiError } from '../api/errors';
import type { CurrencyExposure, HoldingsOutput } from '../api/portfolio-schemas';
import { closeOnOrBefore } from '../engine/close-series';
import { Decimal } from '../engine/decimal';
import type { Position } from '../engine/ledger';
import type { Mark } from '../engine/positions';
import { positionInBase, toBase } from './base-values';
import { sleeveGroups } from './holdings-view';
import { leftOut } from './left-out';
import { positionKey, positionReturn, recordsByPosition } from './position-return';
import { baseContextOf, type Snapshot } from './snapshot';

const sum = (values: Iterable<Decimal>) => Decimal.sum(values).toString();
const text = (value: Decimal | null) => value?.toString() ?? null;
const present = <T>(values: (T | null)[]): T[] => values.filter((v): v is T => v !== null);

/** A position without a quote counts at cost. */
const valueOf = (p: Position & Mark) => p.marketValue ?? p.costBasis;

/**
 * Every total is in the base currency: each position and cash balance is converted at the
 * valuation day's rate (docs/engine.md, "Exchange rates"), never added as a number in its own
 * currency. One without a rate is left out of the totals and listed in `totals.leftOut`; its row
 * keeps its own-currency figures and says which rate is missing.
 */
export function holdingsView(snapshot: Snapshot, account: string | undefined): HoldingsOutput {
  const { result, closes, asOf, sleeveOf, names } = snapshot;
  const base = result.series.baseCurrency;
  const ctx = baseContextOf(snapshot);
  const accounts = result.accounts.filter((a) => account === undefined || a.name === account);
  if (account !== undefined && accounts.length === 0)
    throw new ApiError('not_found', `There is no account named "${account}".`);
  const noteBySymbol = new Map(result.series.notes.filter((n) => n.symbol).map((n) => [n.symbol as string, n.message]));

  const records = recordsByPosition(snapshot.transactions);
  const returnOf = (p: Position & Mark) =>
    positionReturn(ctx, records.get(positionKey(p.account, p.symbol)) ?? [], p.currency, p.marketValue ?? Decimal.ZERO);
  const positions = accounts.flatMap((a) => a.positions).map((p) => ({ p, b: positionInBase(ctx, p) }));
  const open = positions.filter(({ p }) => !p.quantity.isZero());
  const marketValue = Decimal.sum(present(open.map(({ b }) => b.valueBase)));
  const invested = marketValue.toNumber();

  const rows = open.map(({ p, b }) => {
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
      weightPct: b.valueBase === null ? null : invested > 0 ? (b.valueBase.toNumber() / invested) * 100 : 0,
      dayChange,
      dayChangePct: dayChange !== null && quote?.previous ? (quote.bar.close / quote.previous.close - 1) * 100 : null,
      atCost: p.marketValue === null,
      note: p.marketValue === null ? (noteBySymbol.get(p.symbol) ?? `No quotes for ${p.symbol}: shown at cost.`) : null,
      fxRate: text(b.rate),
      fxRateDay: b.rateDay,
      marketValueBase: text(b.marketValueBase),
      costBasisBase: text(b.costBasisBase),
      unrealizedPlBase: text(b.unrealizedPlBase),
      priceEffectBase: text(b.priceEffectBase),
      currencyEffectBase: text(b.currencyEffectBase),
      realizedPlBase: text(b.realizedPlBase),
      dividendsBase: text(b.dividendsBase),
      fxNote: b.fxNote,
      ...returnOf(p),
    };
  });

  const closed = positions
    .filter(({ p }) => p.quantity.isZero())
    .map(({ p }) => ({
      account: p.account,
      symbol: p.symbol,
      name: names.get(p.symbol) ?? null,
      sleeve: sleeveOf(p.symbol),
      currency: p.currency,
      realizedPl: p.realizedPnl.toString(),
      dividends: p.dividends.toString(),
      earned: p.realizedPnl.add(p.dividends).toString(),
      ...returnOf(p),
    }));

  const balances = accounts.flatMap((a) =>
    a.cash.map((c) => ({ account: a.name, ...c, inBase: toBase(ctx, c.balance, c.currency) })),
  );
  const cashTotal = Decimal.sum(present(balances.map((c) => c.inBase.value)));
  // A day change is the price's move at the valuation day's rate (floats, as closes are), summed
  // exactly at their shortest decimal forms.
  const dayChanges = rows.flatMap((r) =>
    r.dayChange === null || r.fxRate === null ? [] : [Decimal.fromNumber(r.dayChange * Number(r.fxRate))],
  );
  const dayChange = dayChanges.length > 0 ? Decimal.sum(dayChanges).toNumber() : null;
  const previousValue = dayChange === null ? null : invested - dayChange;
  const withGain = open.filter(({ b }) => b.unrealizedPlBase !== null && b.priceEffectBase !== null);
  return {
    asOf,
    baseCurrency: base,
    rows,
    sleeves: sleeveGroups(rows, base).map((g) => g.subtotal),
    closed,
    cash: balances.map((c) => ({
      account: c.account,
      currency: c.currency,
      balance: c.balance.toString(),
      balanceBase: text(c.inBase.value),
      fxRate: c.inBase.value === null ? null : c.inBase.rate.toString(),
      fxNote: c.inBase.value === null ? c.inBase.reason : null,
    })),
    currencies: currencyExposure(
      open.map(({ p, b }) => ({ currency: p.currency, value: b.valueBase })),
      balances.map((c) => ({ currency: c.currency, value: c.inBase.value })),
    ),
    totals: {
      marketValue: marketValue.toString(),
      costBasis: sum(present(open.map(({ b }) => b.costBasisBase))),
      unrealizedPl: sum(present(withGain.map(({ b }) => b.unrealizedPlBase))),
      priceEffect: sum(present(withGain.map(({ b }) => b.priceEffectBase))),
      currencyEffect: sum(present(withGain.map(({ b }) => b.currencyEffectBase))),
      realizedPl: sum(present(positions.map(({ b }) => b.realizedPlBase))),
      dividends: sum(present(positions.map(({ b }) => b.dividendsBase))),
      cash: cashTotal.toString(),
      total: marketValue.add(cashTotal).toString(),
      dayChange,
      dayChangePct: dayChange !== null && previousValue ? (dayChange / previousValue) * 100 : null,
      leftOut: leftOut(
        [
          // A closed position without a rate counts (its realized P&L and dividends are left out) but adds no value.
          ...positions
            .filter(({ b }) => b.rate === null)
            .map(({ p }) => ({ currency: p.currency, amount: p.quantity.isZero() ? Decimal.ZERO : valueOf(p) })),
          ...balances
            .filter((c) => !c.balance.isZero() && c.inBase.value === null)
            .map((c) => ({ currency: c.currency, amount: c.balance })),
        ],
        base,
      ),
    },
    notes: [...result.series.notes.map((n) => n.message), ...unsettledNotes(result.ledger.unsettled ?? [])],
  };
}

/** Holdings and cash by currency in the base currency, largest first; amounts without a rate are left out. */
function currencyExposure(
  holdings: { currency: string; value: Decimal | null }[],
  cash: { currency: string; value: Decimal | null }[],
): CurrencyExposure[] {
  const by = new Map<string, { holdings: Decimal; cash: Decimal }>();
  const entry = (currency: string) => {
    let e = by.get(currency);
    if (e === undefined) by.set(currency, (e = { holdings: Decimal.ZERO, cash: Decimal.ZERO }));
    return e;
  };
  for (const h of holdings) if (h.value !== null) entry(h.currency).holdings = entry(h.currency).holdings.add(h.value);
  for (const c of cash) if (c.value !== null) entry(c.currency).cash = entry(c.currency).cash.add(c.value);
  const all = Decimal.sum([...by.values()].map((e) => e.holdings.add(e.cash))).toNumber();
  return [...by]
    .map(([currency, e]) => {
      const total = e.holdings.add(e.cash);
      return {
        currency,
        holdings: e.holdings.toString(),
        cash: e.cash.toString(),
        total: total.toString(),
        sharePct: all > 0 ? (total.toNumber() / all) * 100 : 0,
      };
    })
    .sort((a, b) => Number(b.total) - Number(a.total) || (a.currency < b.currency ? -1 : 1));
}

/**
 * Trades across currencies that found no rate to settle in their account's currency: the first
 * few by name, then how many more (an imported history can have hundreds, all for one missing pair).
 */
function unsettledNotes(unsettled: readonly string[], shown = 3): string[] {
  if (unsettled.length <= shown) return [...unsettled];
  const more = unsettled.length - shown;
  return [
    ...unsettled.slice(0, shown),
    `${more.toLocaleString('en-US')} more trade${more === 1 ? '' : 's'} settled in ${more === 1 ? 'its' : 'their'} own currency for want of a rate.`,
  ];
}
