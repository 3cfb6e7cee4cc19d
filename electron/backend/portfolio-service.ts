import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { HoldingsOutput, PerformanceOutput } from '../../shared/api/portfolio-schemas';
import type { Bar } from '../../shared/domain/bar';
import { indexOnOrBefore } from '../../shared/engine/bars';
import { closeOnOrBefore } from '../../shared/engine/close-series';
import { Decimal } from '../../shared/engine/decimal';
import { periodPerformance, resolvePeriod, type Period } from '../../shared/engine/periods';
import { twrIndex } from '../../shared/engine/returns';
import { rebalanceTrades } from '../../shared/engine/tilt';
import { valuePortfolio } from '../../shared/engine/valuation';
import type { SettingsStore } from './settings-store';
import type { Snapshot, Snapshots } from './portfolio-snapshot';

type PortfolioHandlers = Pick<Handlers, 'portfolio:holdings' | 'portfolio:performance' | 'portfolio:tilt'>;

const sum = (values: Iterable<Decimal>) => Decimal.sum(values).toString();

export function holdingsView(snapshot: Snapshot, account: string | undefined): HoldingsOutput {
  const { result, closes, asOf, sleeveOf, names } = snapshot;
  const accounts = result.accounts.filter((a) => account === undefined || a.name === account);
  if (account !== undefined && accounts.length === 0)
    throw new ApiError('not_found', `There is no account named "${account}".`);
  const noteBySymbol = new Map(result.series.notes.filter((n) => n.symbol).map((n) => [n.symbol as string, n.message]));

  const open = accounts.flatMap((a) => a.positions.filter((p) => !p.quantity.isZero()));
  const valueOf = (p: (typeof open)[number]) => p.marketValue ?? p.costBasis;
  const invested = Decimal.sum(open.map(valueOf)).toNumber();

  const rows = open.map((p) => {
    const quote = asOf ? closeOnOrBefore(closes.get(p.symbol), asOf) : null;
    const qty = p.quantity.toNumber();
    const dayChange = quote?.previous && quote.bar.day === asOf ? qty * (quote.bar.close - quote.previous.close) : null;
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
      price: quote ? quote.bar.close : null,
      priceDate: quote ? quote.bar.day : null,
      priceSource: null,
      stale: quote !== null && asOf !== null && quote.bar.day < asOf,
      weightPct: invested > 0 ? (valueOf(p).toNumber() / invested) * 100 : 0,
      dayChange,
      dayChangePct: dayChange !== null && quote?.previous ? (quote.bar.close / quote.previous.close - 1) * 100 : null,
      atCost: p.marketValue === null,
      note: p.marketValue === null ? (noteBySymbol.get(p.symbol) ?? `No quotes for ${p.symbol}: shown at cost.`) : null,
    };
  });

  const cash = accounts.flatMap((a) =>
    a.cash.map((c) => ({ account: a.name, currency: c.currency, balance: c.balance.toString() })),
  );
  const marketValue = Decimal.sum(open.map(valueOf));
  const cashTotal = Decimal.sum(accounts.flatMap((a) => a.cash.map((c) => c.balance)));
  const dayChanges = rows.map((r) => r.dayChange).filter((v): v is number => v !== null);
  const dayChange = dayChanges.length > 0 ? dayChanges.reduce((a, b) => a + b, 0) : null;
  const previousValue = dayChange === null ? null : marketValue.toNumber() - dayChange;
  return {
    asOf,
    baseCurrency: result.series.baseCurrency,
    rows,
    cash,
    totals: {
      marketValue: marketValue.toString(),
      costBasis: sum(open.map((p) => p.costBasis)),
      unrealizedPl: sum(open.flatMap((p) => (p.unrealizedPnl ? [p.unrealizedPnl] : []))),
      realizedPl: sum(accounts.flatMap((a) => a.positions.map((p) => p.realizedPnl))),
      dividends: sum(accounts.flatMap((a) => a.positions.map((p) => p.dividends))),
      cash: cashTotal.toString(),
      total: marketValue.add(cashTotal).toString(),
      dayChange,
      dayChangePct: dayChange !== null && previousValue ? (dayChange / previousValue) * 100 : null,
    },
    notes: result.series.notes.map((n) => n.message),
  };
}

function rebase(days: readonly string[], values: ArrayLike<number>, from: number, to: number) {
  const base = values[from] as number;
  const out: { time: string; value: number }[] = [];
  for (let i = from; i <= to; i++) out.push({ time: days[i] as string, value: (100 * (values[i] as number)) / base });
  return out;
}

export function performanceView(
  snapshot: Snapshot,
  input: { period: string; from?: string | undefined; to?: string | undefined; account?: string | undefined },
  benchmark: { symbol: string; bars: Bar[] } | null,
): PerformanceOutput {
  let { series } = snapshot.result;
  if (input.account !== undefined) {
    if (!snapshot.result.accounts.some((a) => a.name === input.account)) {
      throw new ApiError('not_found', `There is no account named "${input.account}".`);
    }
    series = valuePortfolio(snapshot.result.ledger, {
      closes: snapshot.closes,
      account: input.account,
      sleeveOf: snapshot.sleeveOf,
      to: snapshot.asOf ?? undefined,
    });
  }
  const values = series.total;
  const flows = series.flows;
  const period: Period =
    input.period === 'CUSTOM' ? { from: input.from as string, to: input.to as string } : (input.period as Period);
  const empty: PerformanceOutput = {
    from: null,
    to: null,
    baseCurrency: series.baseCurrency,
    value: [],
    growth: [],
    benchmark: null,
    startValue: null,
    endValue: null,
    twrPct: null,
    mwrPct: null,
    mwrAnnualizedPct: null,
    carriedDays: 0,
    notes: series.notes.map((n) => n.message),
  };
  const range = resolvePeriod(series.days, period);
  if (!range) return empty;
  const perf = periodPerformance({ days: series.days, values, flows }, period, benchmark ? { benchmark } : {});
  if (!perf) return empty;
  const { fromIndex, toIndex } = range;
  const growth = twrIndex(values.subarray(fromIndex, toIndex + 1), flows.subarray(fromIndex, toIndex + 1));
  let carried = 0;
  for (let i = fromIndex; i <= toIndex; i++) carried += series.carried[i] as number;
  let benchmarkOut: PerformanceOutput['benchmark'] = null;
  if (benchmark && perf.benchmark) {
    const closes = series.days
      .slice(fromIndex, toIndex + 1)
      .map((day) => benchmark.bars[indexOnOrBefore(benchmark.bars, day)]?.close ?? NaN);
    const first = closes.findIndex((c) => Number.isFinite(c));
    benchmarkOut = {
      symbol: benchmark.symbol,
      growth: first < 0 ? [] : rebase(series.days.slice(fromIndex, toIndex + 1), closes, first, closes.length - 1),
      pct: perf.benchmark.pct,
      relativePct: perf.benchmark.relativePct,
    };
  }
  return {
    ...empty,
    from: perf.from,
    to: perf.to,
    value: series.days
      .slice(fromIndex, toIndex + 1)
      .map((time, i) => ({ time, value: values[fromIndex + i] as number })),
    growth: series.days.slice(fromIndex, toIndex + 1).map((time, i) => ({ time, value: growth[i] as number })),
    benchmark: benchmarkOut,
    startValue: perf.startValue,
    endValue: perf.endValue,
    twrPct: perf.twrPct,
    mwrPct: perf.mwrPct,
    mwrAnnualizedPct: perf.mwrAnnualizedPct,
    carriedDays: carried,
  };
}

export function portfolioHandlers(snapshots: Snapshots, settings: SettingsStore): PortfolioHandlers {
  return {
    'portfolio:holdings': ({ asOf, account }) => holdingsView(snapshots.get(asOf), account),
    'portfolio:performance': (input) => {
      const snapshot = snapshots.get(input.to);
      const symbol = input.benchmark ?? settings.get().benchmarkSymbol;
      const bars = snapshots.history(symbol, input.to);
      return performanceView(snapshot, input, bars.length > 0 ? { symbol, bars } : null);
    },
    'portfolio:tilt': () => {
      const snapshot = snapshots.get();
      const { series, tilt } = snapshot.result;
      const current = settings.get();
      const holdings = series.holdings
        .filter((h) => h.lastValue > 0)
        .map((h) => ({
          symbol: h.symbol,
          value: h.lastValue,
          price: closeOnOrBefore(snapshot.closes.get(h.symbol), snapshot.asOf ?? '')?.bar.close,
        }));
      const trades = current.targetWeights
        ? rebalanceTrades({ holdings, target: current.targetWeights, sleeveOf: snapshot.sleeveOf }).trades
        : [];
      return {
        asOf: snapshot.asOf,
        baseCurrency: series.baseCurrency,
        total: tilt.total,
        sleeves: tilt.sleeves.map((s) => ({
          sleeve: s.sleeve,
          value: s.value,
          weightPct: s.weight * 100,
          benchmarkPct: s.benchmarkWeight * 100,
          targetPct: s.targetWeight === null ? null : s.targetWeight * 100,
          activeVsBenchmarkPct: s.activeVsBenchmark * 100,
          activeVsTargetPct: s.activeVsTarget === null ? null : s.activeVsTarget * 100,
          holdings: holdings.filter((h) => snapshot.sleeveOf(h.symbol) === s.sleeve).map((h) => h.symbol),
        })),
        trades: trades.map((t) => ({
          sleeve: t.sleeve,
          symbol: t.symbol,
          amount: t.amount.toString(),
          quantity: t.quantity,
        })),
        benchmarkName: `${current.benchmarkSymbol} (sleeve weights from Settings)`,
      };
    },
  };
}
