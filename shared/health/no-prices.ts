// A position held today with no price at all: valued at cost, so its moves are nowhere.
import type { HealthCheck } from './health-problem';

export const holdingsWithoutPrices: HealthCheck = ({ holdings, series }) =>
  [...holdings]
    .filter(([symbol]) => (series.get(symbol)?.lastDay ?? null) === null)
    .map(([symbol, accounts]) => ({
      kind: 'no_prices',
      symbol,
      accounts: [...accounts],
      day: null,
      detail: `${symbol} is held but has no prices in the cache.`,
      affects:
        'Holdings value it at cost; the total value, returns, day change and tilt leave out how its price moved.',
      fix: `Refresh quotes for ${symbol}, or import a price file for it (Import & export); for an instrument no provider knows, type its price there.`,
    }));
