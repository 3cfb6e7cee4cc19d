// One holding's page: its positions (as the holdings call gives them), open lots, trades, daily
// closes and relative strength against the benchmark and its sleeve's index. Money is exact
// (decimal strings); prices and ratios are floats, as the closes they come from.
import { ApiError } from '../api/errors';
import type { HoldingOutput } from '../api/holding-schemas';
import type { Bar } from '../domain/bar';
import { sleeveReference, type SleeveIndexes } from '../domain/sleeve-index';
import type { CostMethod } from '../engine/lots';
import { Decimal } from '../engine/decimal';
import { relativeStrength } from '../engine/relative-strength';
import { toBase } from './base-values';
import { holdingsView } from './holdings-list';
import { baseContextOf, type Snapshot } from './snapshot';

export interface HoldingQuery {
  symbol: string;
  account?: string;
  costMethod: CostMethod;
  benchmark: string;
  /** Each sleeve's reference index (Settings); the defaults when absent. */
  sleeveIndexes?: SleeveIndexes;
  /** Any symbol's daily closes (held or not), ascending. */
  history: (symbol: string) => readonly Bar[];
}

const sumOf = (values: readonly string[]) => Decimal.sum(values.map((v) => Decimal.parse(v))).toString();
/** A sum that is null as soon as one of its terms is. */
const sumAll = (values: readonly (string | null)[]) =>
  values.some((v) => v === null) ? null : sumOf(values as string[]);

function relativeLine(a: readonly Bar[], symbol: string, b: readonly Bar[]) {
  const rs = relativeStrength(a, b);
  if (rs.days.length === 0) return null;
  return { symbol, points: rs.days.map((time, i) => ({ time, value: rs.ratio[i] as number })) };
}

export function holdingView(snapshot: Snapshot, query: HoldingQuery): HoldingOutput {
  const { symbol, account } = query;
  const all = holdingsView(snapshot, account);
  const open = all.rows.filter((r) => r.symbol === symbol);
  const closed = all.closed.filter((r) => r.symbol === symbol);
  const first = open[0] ?? closed[0];
  if (first === undefined)
    throw new ApiError(
      'not_found',
      `${symbol} has never been held${account === undefined ? '' : ` in the account "${account}"`}.`,
    );
  const ctx = baseContextOf(snapshot);
  const lots = snapshot.result.accounts
    .filter((a) => account === undefined || a.name === account)
    .flatMap((a) => a.positions.filter((p) => p.symbol === symbol))
    .flatMap((p) =>
      p.lots.map((lot) => {
        const trade = ctx.tradeRates.get(lot.transactionId);
        const inBase =
          trade !== undefined && trade.accountCurrency !== p.currency
            ? toBase(ctx, lot.cost.mul(trade.rate), trade.accountCurrency, lot.acquired)
            : toBase(ctx, lot.cost, p.currency, lot.acquired);
        return {
          account: p.account,
          acquired: lot.acquired,
          quantity: lot.quantity.toString(),
          cost: lot.cost.toString(),
          costBase: inBase.value?.toString() ?? null,
        };
      }),
    )
    .sort((a, b) => (a.acquired < b.acquired ? -1 : a.acquired > b.acquired ? 1 : 0));

  const closedLots = snapshot.result.ledger.sales
    .filter((sale) => sale.symbol === symbol && (account === undefined || sale.account === account))
    .flatMap((sale) =>
      sale.lots.map((lot) => ({
        account: sale.account,
        acquired: lot.acquired,
        sold: sale.day,
        quantity: lot.quantity.toString(),
        proceeds: lot.proceeds.toString(),
        cost: lot.cost.toString(),
        gain: lot.gain.toString(),
      })),
    );

  const trades = snapshot.transactions
    .filter(
      (t) =>
        t.symbol === symbol &&
        (t.type === 'buy' || t.type === 'sell') &&
        (account === undefined || t.account === account),
    )
    .map((t) => ({
      day: t.date,
      account: t.account,
      side: t.type as 'buy' | 'sell',
      quantity: t.quantity ?? '0',
      price: t.price ?? '0',
    }));

  const bars = query.history(symbol);
  const benchmarkBars = query.history(query.benchmark);
  const reference = sleeveReference(
    first.sleeve,
    query.benchmark,
    (s) => query.history(s).length > 0,
    query.sleeveIndexes,
  );
  const rows = [...open, ...closed];
  return {
    symbol,
    name: first.name,
    sleeve: first.sleeve,
    currency: first.currency,
    baseCurrency: all.baseCurrency,
    asOf: all.asOf,
    costMethod: query.costMethod,
    open,
    closed,
    lots,
    closedLots,
    totals: {
      quantity: sumOf(open.map((r) => r.quantity)),
      costBasis: sumOf(open.map((r) => r.costBasis)),
      marketValue: open.length === 0 ? null : sumAll(open.map((r) => r.marketValue)),
      unrealizedPl: open.length === 0 ? null : sumAll(open.map((r) => r.unrealizedPl)),
      realizedPl: sumOf(rows.map((r) => r.realizedPl)),
      dividends: sumOf(rows.map((r) => r.dividends)),
      costBasisBase: sumAll(open.map((r) => r.costBasisBase)),
      marketValueBase: open.length === 0 ? null : sumAll(open.map((r) => r.marketValueBase)),
      unrealizedPlBase: open.length === 0 ? null : sumAll(open.map((r) => r.unrealizedPlBase)),
      realizedPlBase: sumAll([
        ...open.map((r) => r.realizedPlBase),
        ...closed.map((r) => baseOf(ctx, r.realizedPl, r.currency)),
      ]),
      dividendsBase: sumAll([
        ...open.map((r) => r.dividendsBase),
        ...closed.map((r) => baseOf(ctx, r.dividends, r.currency)),
      ]),
    },
    prices: bars.map((b) => ({ time: b.day, value: b.close })),
    trades,
    relative: {
      benchmark: benchmarkBars.length === 0 ? null : relativeLine(bars, query.benchmark, benchmarkBars),
      sleeve: reference.symbol === null ? null : relativeLine(bars, reference.symbol, query.history(reference.symbol)),
      sleeveNote:
        reference.note ?? (reference.isBenchmark ? 'Its sleeve ("other") is measured against the benchmark.' : null),
    },
  };
}

/** A closed position's figures at the valuation day's rate, as an open row's realized P&L is. */
function baseOf(ctx: ReturnType<typeof baseContextOf>, amount: string, currency: string): string | null {
  return toBase(ctx, Decimal.parse(amount), currency).value?.toString() ?? null;
}
