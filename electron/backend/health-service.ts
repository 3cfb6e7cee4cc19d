// `health:check`: the pure checks of shared/health/ over what the store and the engine hold.
import type { CallOutput, Handlers } from '../../shared/api/contract';
import { runHealthChecks } from '../../shared/health/checks';
import { parseSplitRatio } from '../../shared/engine/split-ratio';
import type { HealthFx, HealthInput, HealthSplit, HealthTrade } from '../../shared/health/health-problem';
import type { BackendContext } from './backend-context';
import { localDay } from './local-day';

/** The stored ratio (`7`, `1/3`) as new shares per old share; NaN for what cannot be read. */
function splitRatio(quantity: string | null): number {
  try {
    const { numerator, denominator } = parseSplitRatio(quantity ?? '');
    return Number(numerator) / Number(denominator);
  } catch {
    return Number.NaN;
  }
}

export function healthHandlers({
  store,
  snapshots,
  settings,
  events,
  now,
}: BackendContext): Pick<Handlers, 'health:check'> {
  // The report is kept until the data, the settings or the local day change: the dashboard, the
  // Data health screen and each holding's page ask for it, and it reads every symbol's prices.
  let version = 0;
  events.subscribe((name) => {
    if (name === 'data:changed') version++;
  });
  let cached: { key: string; report: CallOutput<'health:check'> } | null = null;
  return {
    'health:check': () => {
      const today = localDay(now());
      const key = `${version}|${today}|${JSON.stringify(settings.get())}`;
      if (cached?.key === key) return cached.report;
      const report = check(today);
      cached = { key, report };
      return report;
    },
  };

  function check(today: string): CallOutput<'health:check'> {
    const snapshot = snapshots.get();
    const holdings = new Map<string, string[]>();
    const held: HealthFx['held'][number][] = [];
    for (const account of snapshot.result.accounts) {
      for (const position of account.positions) {
        if (position.quantity.isZero()) continue;
        holdings.set(position.symbol, [...(holdings.get(position.symbol) ?? []), account.name]);
        held.push({ symbol: position.symbol, account: account.name, currency: position.currency });
      }
      for (const cash of account.cash) {
        if (!cash.balance.isZero()) held.push({ symbol: null, account: account.name, currency: cash.currency });
      }
    }
    const fx: HealthFx = {
      base: snapshot.result.series.baseCurrency,
      table: snapshot.fx,
      held,
      unsettled: snapshot.result.ledger.unsettled ?? [],
    };
    const trades: HealthTrade[] = [];
    const splits: HealthSplit[] = [];
    // The snapshot's rows are the store's (read once for the portfolio, not again here).
    for (const t of snapshot.transactions) {
      if ((t.type === 'buy' || t.type === 'sell') && t.symbol && t.price && t.quantity)
        trades.push({
          date: t.date,
          account: t.account,
          type: t.type,
          symbol: t.symbol,
          quantity: t.quantity,
          price: t.price,
        });
      if (t.type === 'split' && t.symbol) {
        const ratio = splitRatio(t.quantity);
        if (ratio > 0) splits.push({ date: t.date, symbol: t.symbol, ratio });
      }
    }
    const tradeDays = new Map<string, Set<string>>();
    for (const t of trades) tradeDays.set(t.symbol, (tradeDays.get(t.symbol) ?? new Set()).add(t.date));
    const comparisons = [{ symbol: settings.get().benchmarkSymbol, role: 'benchmark' }];
    const symbols = new Set([...holdings.keys(), ...trades.map((t) => t.symbol), ...comparisons.map((c) => c.symbol)]);
    const input: HealthInput = {
      today,
      portfolioLastDay: snapshot.asOf,
      holdings,
      trades,
      splits,
      comparisons,
      series: new Map([...symbols].map((symbol) => [symbol, store.health.series(symbol, tradeDays.get(symbol))])),
      fx,
    };
    return { today, ...runHealthChecks(input) };
  }
}
