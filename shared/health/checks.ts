// Every data-health check, and the report they make together. A new check is one more entry in
// HEALTH_CHECKS (and, for a new kind, one in HEALTH_KINDS and KIND_WORDS).
import type { HealthCheck, HealthInput, HealthKind, HealthProblem } from './health-problem';
import { HEALTH_KINDS } from './health-problem';
import { missingRates } from './missing-rates';
import { holdingsWithoutPrices } from './no-prices';
import { priceGaps } from './price-gaps';
import { scaleJumps } from './scale-jumps';
import { seriesEndsEarly } from './series-ends-early';
import { stalePrices } from './stale-prices';
import { tradePrices } from './trade-prices';

export const HEALTH_CHECKS: readonly HealthCheck[] = [
  holdingsWithoutPrices,
  missingRates,
  scaleJumps,
  tradePrices,
  seriesEndsEarly,
  stalePrices,
  priceGaps,
];

/** How a kind's count reads: `3 holdings have no prices`. */
const KIND_WORDS: Record<HealthKind, [one: string, many: string]> = {
  no_prices: ['holding has no prices', 'holdings have no prices'],
  missing_fx_rate: ['exchange rate is missing', 'exchange rates are missing'],
  scale_jump: ['symbol mixes two split scales', 'symbols mix two split scales'],
  trade_price: ["trade is priced far from its day's range", "trades are priced far from their day's range"],
  series_ends_early: ['comparison series ends before the portfolio', 'comparison series end before the portfolio'],
  stale_prices: ['holding has stale prices', 'holdings have stale prices'],
  price_gap: ['price series has gaps', 'price series have gaps'],
};

export interface HealthSummary {
  kind: HealthKind;
  count: number;
  /** `3 holdings have no prices`. */
  text: string;
}

export interface HealthReport {
  problems: HealthProblem[];
  /** One line per kind found, in HEALTH_KINDS order: what a screen shows before the list. */
  summary: HealthSummary[];
}

export function runHealthChecks(input: HealthInput, checks: readonly HealthCheck[] = HEALTH_CHECKS): HealthReport {
  const problems = checks.flatMap((check) => check(input));
  const order = (p: HealthProblem) => HEALTH_KINDS.indexOf(p.kind);
  problems.sort(
    (a, b) =>
      order(a) - order(b) || (a.symbol ?? '').localeCompare(b.symbol ?? '') || (a.day ?? '').localeCompare(b.day ?? ''),
  );
  const summary = HEALTH_KINDS.flatMap((kind): HealthSummary[] => {
    const count = problems.filter((p) => p.kind === kind).length;
    if (count === 0) return [];
    const [one, many] = KIND_WORDS[kind];
    return [{ kind, count, text: `${count.toLocaleString('en-US')} ${count === 1 ? one : many}` }];
  });
  return { problems, summary };
}
