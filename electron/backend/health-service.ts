// `health:check`: the pure checks of shared/health/ over what the store and the engine hold.
import type { Handlers } from '../../shared/api/contract';
import { runHealthChecks } from '../../shared/health/checks';
import type { HealthInput, HealthSplit, HealthTrade } from '../../shared/health/health-problem';
import type { BackendContext } from './backend-context';
import { localDay } from './local-day';

/** `7`, `1:3`, `3/1`, `3-for-1`: new shares per old share; NaN for what cannot be read. */
function splitRatio(quantity: string | null): number {
  const parts = /^\s*([\d.]+)\s*(?::|\/|-for-)\s*([\d.]+)\s*$/i.exec(quantity ?? '');
  return parts ? Number(parts[1]) / Number(parts[2]) : Number(quantity);
}

export function healthHandlers({ store, snapshots, settings, now }: BackendContext): Pick<Handlers, 'health:check'> {
  return {
    'health:check': () => {
      const today = localDay(now());
      const snapshot = snapshots.get();
      const holdings = new Map<string, string[]>();
      for (const account of snapshot.result.accounts) {
        for (const position of account.positions) {
          if (position.quantity.isZero()) continue;
          holdings.set(position.symbol, [...(holdings.get(position.symbol) ?? []), account.name]);
        }
      }
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
      };
      return { today, ...runHealthChecks(input) };
    },
  };
}
