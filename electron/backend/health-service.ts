// `health:check`: the pure checks of shared/health/ over what the store and the engine hold.
import type { Handlers } from '../../shared/api/contract';
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

export function healthHandlers({ store, snapshots, settings, now }: BackendContext): Pick<Handlers, 'health:check'> {
  return {
    'health:check': () => {
      const today = localDay(now());
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
      for (const t of store.transactions.all()) {
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
      const comparisons = [{ symbol: settings.get().benchmarkSymbol, role: 'benchmark' }];
      const symbols = new Set([
        ...holdings.keys(),
        ...trades.map((t) => t.symbol),
        ...comparisons.map((c) => c.symbol),
      ]);
      const input: HealthInput = {
        today,
        portfolioLastDay: snapshot.asOf,
        holdings,
        trades,
        splits,
        comparisons,
        rows: new Map([...symbols].map((symbol) => [symbol, store.quotes.rows(symbol)])),
        fx,
      };
      return { today, ...runHealthChecks(input) };
    },
  };
}
