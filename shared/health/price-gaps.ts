// Holes in a price series: stretches of weekdays with no bar, longer than any market closure.
import { dayFromNumber, dayToNumber } from '../engine/dates';
import type { HealthCheck, HealthProblem } from './health-problem';
import { NO_SERIES } from './health-series';

/**
 * Weekdays without a bar between two bars, more than which is a gap: the longest US closures
 * (four days after 2001-09-11, two for Hurricane Sandy, a holiday beside a weekend) stay under it.
 */
export const GAP_WEEKDAYS = 5;

// Day 0 of the count (1970-01-01) was a Thursday.
const isWeekday = (n: number) => ![0, 6].includes((((n + 4) % 7) + 7) % 7);

/** Weekdays strictly between two days. */
export function weekdaysBetween(from: string, to: string): number {
  let count = 0;
  for (let n = dayToNumber(from) + 1; n < dayToNumber(to); n++) if (isWeekday(n)) count++;
  return count;
}

/** The first and last weekday strictly between two days (there is one: the gap has weekdays). */
function missingSpan(from: string, to: string): [string, string] {
  let first = dayToNumber(from) + 1;
  while (!isWeekday(first)) first++;
  let last = dayToNumber(to) - 1;
  while (!isWeekday(last)) last--;
  return [dayFromNumber(first), dayFromNumber(last)];
}

function symbolsOf(input: Parameters<HealthCheck>[0]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [symbol, accounts] of input.holdings) out.set(symbol, [...accounts]);
  for (const trade of input.trades) {
    const accounts = out.get(trade.symbol) ?? [];
    if (!accounts.includes(trade.account)) accounts.push(trade.account);
    out.set(trade.symbol, accounts);
  }
  for (const { symbol } of input.comparisons) if (!out.has(symbol)) out.set(symbol, []);
  return out;
}

/** One row per symbol: how many gaps, and the longest. */
export const priceGaps: HealthCheck = (input) =>
  [...symbolsOf(input)].flatMap(([symbol, accounts]): HealthProblem[] => {
    const gaps: { from: string; to: string; missing: number }[] = [];
    // Only days far apart can hold a gap (health-series.ts): counting weekdays between every
    // pair of bars was a tenth of health:check at scale.
    for (const [from, to] of (input.series.get(symbol) ?? NO_SERIES).farApart) {
      const missing = weekdaysBetween(from, to);
      if (missing > GAP_WEEKDAYS) gaps.push({ from, to, missing });
    }
    if (gaps.length === 0) return [];
    const longest = gaps.reduce((a, b) => (b.missing > a.missing ? b : a));
    const [first, last] = missingSpan(longest.from, longest.to);
    const count = gaps.length === 1 ? 'a gap' : `${gaps.length} gaps`;
    return [
      {
        kind: 'price_gap',
        symbol,
        accounts,
        day: first,
        detail: `${symbol}'s prices have ${count} of more than ${GAP_WEEKDAYS} trading days; the longest has no price from ${first} to ${last} (${longest.missing} weekdays).`,
        affects:
          'Across a gap the last close before it is carried: values, returns and charts show a flat line, then a jump.',
        fix: `Import a price file for ${symbol} that covers ${first} to ${last}, or delete its bars from ${first} on and refresh.`,
      },
    ];
  });
