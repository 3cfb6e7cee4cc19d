// Bringing cached bars onto a provider's post-split scale when a refresh reports a split the cache
// did not know. Providers publish history split-adjusted as of the download, so bars cached before
// a split are on the old scale; the rule is in docs/engine.md ("When a refresh brings a split").
import type { QuoteBar } from '../domain/bar';
import type { CorporateAction } from './types';

export type Split = Extract<CorporateAction, { kind: 'split' }>;

/** A split the cache already holds, and which source reported it. */
export interface KnownSplit {
  day: string;
  source: string;
}

/** A cached row as the adjustment sees it. */
export interface CachedBar extends QuoteBar {
  source: string;
  fetchedAt: string;
}

export interface NewSplits {
  /** Reported splits this source has not stored: its own bars before them are on the old scale. */
  forSource: Split[];
  /**
   * Those no source has stored either. Only these touch file, manual and other providers' bars, so
   * a second provider reporting the same split cannot rescale them twice.
   */
  forSymbol: Split[];
}

export interface RescalePlan {
  /** Rows on the new scale, with their source, day and fetched_at unchanged. */
  rescaled: CachedBar[];
  /** Rows a split reaches that were stored on or after its day: their scale cannot be told, so they are kept. */
  unsure: CachedBar[];
}

/** A split is one event per day; a day already stored counts as known even if its ratio was revised. */
export function newSplits(
  reported: readonly CorporateAction[],
  known: readonly KnownSplit[],
  source: string,
): NewSplits {
  const splits = reported.filter((action): action is Split => action.kind === 'split');
  const forSource = splits.filter((split) => !known.some((k) => k.day === split.day && k.source === source));
  const forSymbol = forSource.filter((split) => !known.some((k) => k.day === split.day));
  return { forSource, forSymbol };
}

/** The last day a new split reaches back from: every bar dated before it may need adjusting. */
export function lastSplitDay(splits: readonly Split[]): string | null {
  return splits.reduce<string | null>((last, split) => (last === null || split.day > last ? split.day : last), null);
}

/**
 * Where the provider must be asked again for the whole history, or null when its answer already
 * replaces every cached bar of its own that the new splits reach (nothing cached before them, or
 * nothing before the answer's first day).
 */
export function refetchFrom(
  splits: readonly Split[],
  sourceFirstDay: string | null,
  answerFirstDay: string,
): string | null {
  const last = lastSplitDay(splits);
  if (last === null || sourceFirstDay === null) return null;
  return sourceFirstDay < last && sourceFirstDay < answerFirstDay ? sourceFirstDay : null;
}

/**
 * The one rescale rule, for a refresh's new split and for a file on another split scale: prices
 * × denominator ÷ numerator (new shares ÷ old), volume the other way (rounded), everything else
 * kept. × old shares ÷ new shares rather than ÷ (new ÷ old): one rounding, so a 1-for-3 split
 * makes 101.11 into 303.33, not 303.33000000000004.
 */
export function rescaleBar<T extends QuoteBar>(bar: T, numerator: number, denominator = 1): T {
  const price = (value: number | null) => (value === null ? null : (value * denominator) / numerator);
  return {
    ...bar,
    open: price(bar.open),
    high: price(bar.high),
    low: price(bar.low),
    close: (bar.close * denominator) / numerator,
    adjClose: price(bar.adjClose),
    volume: bar.volume === null ? null : Math.round((bar.volume * numerator) / denominator),
  };
}

/**
 * Prices ÷ ratio and volume × ratio for the cached rows that no fresh bar replaces. `rows` are
 * those rows (the caller leaves out the provider's rows its answer overwrites). The provider's
 * own rows take every split new to it, other sources' rows only splits new to the symbol. A row
 * takes a split only if it was stored before the split's day: then it cannot be on the new scale.
 */
export function planRescale(rows: readonly CachedBar[], source: string, splits: NewSplits): RescalePlan {
  const rescaled: CachedBar[] = [];
  const unsure: CachedBar[] = [];
  for (const row of rows) {
    const reaching = (row.source === source ? splits.forSource : splits.forSymbol).filter((s) => row.day < s.day);
    // fetched_at is an ISO instant; as text it sorts before the split's day only if stored on an earlier UTC day.
    const certain = reaching.filter((split) => row.fetchedAt < split.day);
    if (certain.length < reaching.length) unsure.push(row);
    const numerator = certain.reduce((product, split) => product * split.numerator, 1);
    const denominator = certain.reduce((product, split) => product * split.denominator, 1);
    if (numerator !== denominator) rescaled.push(rescaleBar(row, numerator, denominator));
  }
  return { rescaled, unsure };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * What the refresh log says about the new splits, e.g. `history adjusted for the 4:1 split of
 * 2019-02-19: re-fetched the history from 2018-10-01, rescaled 1 file bar`; '' when they touched
 * nothing cached.
 */
export function describeAdjustment(splits: readonly Split[], refetchedFrom: string | null, plan: RescalePlan): string {
  const parts: string[] = [];
  if (refetchedFrom) parts.push(`re-fetched the history from ${refetchedFrom}`);
  const bySource = new Map<string, number>();
  for (const row of plan.rescaled) bySource.set(row.source, (bySource.get(row.source) ?? 0) + 1);
  for (const [source, count] of [...bySource].sort()) {
    parts.push(`rescaled ${plural(count, `${source} bar`, `${source} bars`)}`);
  }
  if (plan.unsure.length > 0) {
    const kept =
      plan.unsure.length === 1
        ? '1 bar stored on or after the split day as it was'
        : `${plan.unsure.length} bars stored on or after the split day as they were`;
    parts.push(`kept ${kept}`);
  }
  if (parts.length === 0) return '';
  const which = splits.map((s) => `the ${s.numerator}:${s.denominator} split of ${s.day}`).join(' and ');
  const adjusted = refetchedFrom !== null || plan.rescaled.length > 0;
  return `${adjusted ? 'history adjusted for' : 'history not adjusted for'} ${which}: ${parts.join(', ')}`;
}
