import { QuoteDataError, type ParsedSeries } from './types';

/**
 * Checks a provider's parsed answer against what was asked: at least one bar, and none after
 * `notAfter` (a bar from the future is a sign of a garbled answer, not of a fast market).
 */
export function checkProviderSeries(series: ParsedSeries, symbol: string, from: string, notAfter: string): void {
  if (series.bars.length === 0) {
    const holes = series.holes > 0 ? ` (${series.holes} days without a close)` : '';
    throw new QuoteDataError(`The provider returned no bars for ${symbol} from ${from}${holes}.`);
  }
  const last = series.bars.at(-1)!;
  if (last.day > notAfter) {
    throw new QuoteDataError(`The provider returned a bar for ${symbol} dated ${last.day}, after ${notAfter}.`);
  }
}
