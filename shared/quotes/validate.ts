// What a daily bar or a split can be. A bar that breaks these rules is a garbled answer or a typo,
// and stored it would price holdings with it (a close of 1e12) or stop every later refresh (a bar
// dated 2206): files and provider answers that hold one are refused whole, naming the bar.
import type { QuoteBar as Bar } from '../domain/bar';
import { MAX_SPLIT_RATIO } from '../engine/split-ratio';
import { QuoteDataError, type CorporateAction, type ParsedSeries } from './types';

/**
 * Prices outside this range are refused. Wide on purpose: a meme coin trades near 1e-6 USD and
 * bitcoin in rupiah near 1.6e9; a close of 1e12 or 1e-300 is a garbled number.
 */
export const PRICE_RANGE = { min: 1e-9, max: 1e10 } as const;

// A split's new shares per old share must lie in [1/MAX_SPLIT_RATIO, MAX_SPLIT_RATIO], for a
// provider's split as for one typed or imported (one bound, in split-ratio.ts).
export { MAX_SPLIT_RATIO };

export type BarField = 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'day';

export interface BarProblem {
  field: BarField;
  reason: string;
}

/** How far a close may lie outside the day's low–high: 0.1%, or half a cent when that is more (at most 1%). */
export function roundingSlack(price: number): number {
  return Math.max(price * 1e-3, Math.min(0.005, price * 1e-2));
}

function priceProblem(field: BarField, value: number | null): BarProblem | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value <= 0) return { field, reason: `${field} ${value} is not a positive price` };
  if (value < PRICE_RANGE.min || value > PRICE_RANGE.max) {
    return {
      field,
      reason: `${field} ${value} is outside the possible prices ${PRICE_RANGE.min} to ${PRICE_RANGE.max}`,
    };
  }
  return null;
}

/** The first thing wrong with a bar, or null; `today` is the last day a bar may carry. */
export function barProblem(bar: Bar, today: string): BarProblem | null {
  if (bar.day > today) return { field: 'day', reason: `${bar.day} is after today (${today})` };
  for (const field of ['close', 'open', 'high', 'low', 'adjClose'] as const) {
    const problem = priceProblem(field, bar[field]);
    if (problem) return problem;
  }
  const { high, low } = bar;
  if (high !== null && low !== null && high < low) {
    return { field: 'high', reason: `high ${high} is below low ${low}` };
  }
  return null;
}

/** True when the close lies within the day's low–high, give or take rounding. */
export function closeInRange(bar: Pick<Bar, 'high' | 'low' | 'close'>): boolean {
  const { high, low, close } = bar;
  return (high === null || close <= high + roundingSlack(high)) && (low === null || close >= low - roundingSlack(low));
}

/**
 * A close outside the day's low–high is what Yahoo's older histories hold: their Close is
 * split-adjusted and their Open/High/Low are not (XETRA BAS.DE before 2017, DBK.DE in 1998). The
 * close is what values a holding, so it is kept and the range that does not fit it is dropped,
 * rather than refusing a file a person downloaded from the provider.
 */
export function withRangeAroundClose<T extends Bar>(bar: T): T {
  return closeInRange(bar) ? bar : { ...bar, open: null, high: null, low: null };
}

/** What is wrong with a split, or null. */
export function splitProblem(split: Extract<CorporateAction, { kind: 'split' }>): string | null {
  const { numerator, denominator } = split;
  if (!(numerator > 0) || !(denominator > 0) || !Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    return `a split of ${numerator}:${denominator} is not a ratio of positive numbers`;
  }
  const ratio = numerator / denominator;
  if (ratio > MAX_SPLIT_RATIO || ratio < 1 / MAX_SPLIT_RATIO) {
    return `a split of ${numerator}:${denominator} is outside ${MAX_SPLIT_RATIO}:1 to 1:${MAX_SPLIT_RATIO}`;
  }
  return null;
}

/**
 * Checks a provider's parsed answer against what was asked: at least one bar, every bar possible
 * and none after `notAfter`, every split in range. The message names the symbol and the day. A
 * bar whose close lies outside its low–high keeps the close and loses the range (see
 * withRangeAroundClose).
 */
export function checkProviderSeries(series: ParsedSeries, symbol: string, from: string, notAfter: string): void {
  if (series.bars.length === 0) {
    const holes = series.holes > 0 ? ` (${series.holes} days without a close)` : '';
    throw new QuoteDataError(`The provider returned no bars for ${symbol} from ${from}${holes}.`);
  }
  for (const bar of series.bars) {
    const problem = barProblem(bar, notAfter);
    if (problem?.field === 'day') {
      throw new QuoteDataError(`The provider returned a bar for ${symbol} dated ${bar.day}, after ${notAfter}.`);
    }
    if (problem) {
      throw new QuoteDataError(`The provider's bar for ${symbol} on ${bar.day} is impossible: ${problem.reason}.`);
    }
  }
  series.bars = series.bars.map(withRangeAroundClose);
  for (const action of series.actions) {
    const problem = action.kind === 'split' ? splitProblem(action) : null;
    if (problem) throw new QuoteDataError(`The provider's answer for ${symbol} on ${action.day}: ${problem}.`);
    if (action.day > notAfter) {
      throw new QuoteDataError(
        `The provider returned a ${action.kind} for ${symbol} dated ${action.day}, after ${notAfter}.`,
      );
    }
  }
}
