// A held symbol whose prices stopped while the rest of the portfolio's went on.
import type { HealthCheck } from './health-problem';
import { CURRENT_FOR_DAYS, daysBetween } from './staleness';

/**
 * Measured against the newest price the portfolio has (never later than today), not against the
 * calendar alone: a portfolio whose every price ends on one day (an offline cache, the demo's
 * 2019 data) says how old it is on the dashboard ("as of … — N days old"); this row is for the
 * symbol that stopped (delisted, renamed, a refresh that keeps failing) while the others went on.
 */
export const stalePrices: HealthCheck = ({ holdings, series, today, comparisons }) => {
  const last = new Map<string, string>();
  for (const symbol of [...holdings.keys(), ...comparisons.map((c) => c.symbol)]) {
    const day = series.get(symbol)?.lastDay ?? null;
    if (day !== null) last.set(symbol, day);
  }
  const newest = [...last.values()].reduce((max, day) => (day > max ? day : max), '');
  const reference = newest !== '' && newest < today ? newest : today;
  return [...holdings].flatMap(([symbol, accounts]) => {
    const day = last.get(symbol);
    if (day === undefined) return [];
    const behind = daysBetween(day, reference);
    if (behind <= CURRENT_FOR_DAYS) return [];
    const than = reference === today ? 'today' : `the portfolio's newest price (${reference})`;
    return [
      {
        kind: 'stale_prices' as const,
        symbol,
        accounts: [...accounts],
        day,
        detail: `${symbol}'s last price is from ${day}, ${behind} days before ${than}.`,
        affects: `It is valued at that old price: the total value, returns and day change since ${day} leave out how it moved.`,
        fix: `Refresh quotes for ${symbol}; if it was delisted, renamed or merged, record the sale or the exchange as transactions.`,
      },
    ];
  });
};
