// A refresh that reports a split the cache has not stored: the provider's history is split-adjusted
// as of today, but the refresh asked only for recent days, so what the cache holds from before the
// split is on the old scale. The rule is in docs/engine.md ("When a refresh brings a split").
import type { QuoteBar } from '../../shared/domain/bar';
import { addDays } from '../../shared/engine/dates';
import {
  describeAdjustment,
  lastSplitDay,
  newSplits,
  planRescale,
  refetchFrom,
} from '../../shared/quotes/split-adjust';
import type { CorporateAction, ParsedSeries } from '../../shared/quotes/types';
import { checkProviderSeries } from '../../shared/quotes/validate';
import type { createCorporateActionsRepo } from '../db/corporate-actions-repo';
import type { QuotesRepo } from '../db/quotes-repo';
import type { QuoteProvider } from './providers';

export interface SplitStores {
  quotes: QuotesRepo;
  actions: ReturnType<typeof createCorporateActionsRepo>;
}

export interface SplitAwareSeries {
  series: ParsedSeries;
  /** Where the history was fetched again from, or null when the first answer was enough. */
  refetchedFrom: string | null;
}

// The full answer wins day by day; the first one only fills a day the full one left as a hole.
function merge(first: ParsedSeries, full: ParsedSeries): ParsedSeries {
  const bars = new Map<string, QuoteBar>(first.bars.map((bar) => [bar.day, bar]));
  for (const bar of full.bars) bars.set(bar.day, bar);
  const key = (action: CorporateAction) => `${action.kind}|${action.day}`;
  const reported = new Set(full.actions.map(key));
  return {
    bars: [...bars.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
    actions: [...full.actions, ...first.actions.filter((action) => !reported.has(key(action)))],
    meta: full.meta ?? first.meta,
    holes: full.holes,
  };
}

/**
 * Before the write. When `answer` reports a split new to this provider and the cache holds the
 * provider's bars from before both the split and the answer, asks for the whole cached span again:
 * those bars come back on the post-split scale, with the provider's own adjusted closes. Throws as
 * fetchDaily does, so a failed re-fetch fails the symbol and nothing is written.
 */
export async function fetchSplitHistory(
  stores: SplitStores,
  provider: QuoteProvider,
  symbol: string,
  answer: ParsedSeries,
  today: string,
  signal: AbortSignal,
): Promise<SplitAwareSeries> {
  const { forSource } = newSplits(answer.actions, stores.actions.splits(symbol), provider.id);
  const from = refetchFrom(forSource, stores.quotes.firstDayOf(symbol, provider.id), answer.bars[0]!.day);
  if (from === null) return { series: answer, refetchedFrom: null };
  const full = await provider.fetchDaily({ symbol, from, to: today }, signal);
  checkProviderSeries(full, symbol, from, addDays(today, 1));
  return { series: merge(answer, full), refetchedFrom: from };
}

/**
 * Inside the write transaction, before the new bars are written: rescales the cached rows that
 * the new splits reach and the new bars do not replace (see planRescale). The splits are judged
 * new against what is stored now, inside the transaction, so two refreshes can never both apply
 * one. Answers the refresh log's note, '' when no cached bar was concerned.
 */
export function adjustForNewSplits(
  stores: SplitStores,
  symbol: string,
  source: string,
  { series, refetchedFrom }: SplitAwareSeries,
): string {
  const splits = newSplits(series.actions, stores.actions.splits(symbol), source);
  const last = lastSplitDay(splits.forSource);
  if (last === null) return '';
  const fresh = new Set(series.bars.map((bar) => bar.day));
  const reached = stores.quotes
    .rowsBefore(symbol, last)
    .filter((row) => !(row.source === source && fresh.has(row.day)));
  const plan = planRescale(reached, source, splits);
  stores.quotes.setPrices(symbol, plan.rescaled);
  return describeAdjustment(splits.forSource, refetchedFrom, plan);
}
