import { addDays, dayToUtcMs } from '../../shared/engine/dates';
import { parseStooqCsv, stooqDay, toStooqSymbol } from '../../shared/quotes/stooq';
import { QuoteDataError, type ParsedSeries, type ProviderId } from '../../shared/quotes/types';
import { parseYahooChart, yahooErrorMessage } from '../../shared/quotes/yahoo-chart';
import { getText, type HttpPolicy } from './http';

export interface DailyRequest {
  symbol: string;
  /** First and last day wanted, inclusive. */
  from: string;
  to: string;
}

/**
 * A network source of daily bars. Files and typed prices reach the cache through the same
 * ParsedSeries shape but are pushed by the user, so they need no provider object.
 */
export interface QuoteProvider {
  readonly id: ProviderId;
  readonly baseUrl: string;
  /** Resolves with validated bars, or throws QuoteDataError / ProviderUnavailableError / CancelledError. */
  fetchDaily(request: DailyRequest, signal: AbortSignal): Promise<ParsedSeries>;
}

export const DEFAULT_BASE_URLS: Record<ProviderId, string> = {
  yahoo: 'https://query1.finance.yahoo.com',
  stooq: 'https://stooq.com',
};

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function createYahooProvider(baseUrl: string, http: HttpPolicy): QuoteProvider {
  const base = trimSlash(baseUrl);
  return {
    id: 'yahoo',
    baseUrl: base,
    async fetchDaily({ symbol, from, to }, signal) {
      const period1 = Math.floor(dayToUtcMs(from) / 1000);
      // period2 is exclusive; the day after `to` in UTC still covers every zone's session of `to`.
      const period2 = Math.floor(dayToUtcMs(addDays(to, 1)) / 1000);
      const url = `${base}/v8/finance/chart/${encodeURIComponent(symbol)}?period1=${period1}&period2=${period2}&interval=1d&events=div,split&includeAdjustedClose=true`;
      const answer = await getText(url, signal, http);
      if (answer.status !== 200) {
        const said = yahooErrorMessage(answer.body);
        throw new QuoteDataError(
          said ? `Yahoo has no data for ${symbol}: ${said}.` : `Yahoo answered HTTP ${answer.status} for ${symbol}.`,
        );
      }
      return parseYahooChart(answer.body, symbol);
    },
  };
}

export function createStooqProvider(baseUrl: string, http: HttpPolicy): QuoteProvider {
  const base = trimSlash(baseUrl);
  return {
    id: 'stooq',
    baseUrl: base,
    async fetchDaily({ symbol, from, to }, signal) {
      const code = toStooqSymbol(symbol);
      const url = `${base}/q/d/l/?s=${encodeURIComponent(code)}&i=d&d1=${stooqDay(from)}&d2=${stooqDay(to)}`;
      const answer = await getText(url, signal, http);
      if (answer.status !== 200)
        throw new QuoteDataError(`Stooq answered HTTP ${answer.status} for ${symbol} (${code}).`);
      return parseStooqCsv(answer.body, symbol);
    },
  };
}

export function createProvider(id: ProviderId, baseUrl: string, http: HttpPolicy): QuoteProvider {
  return id === 'yahoo' ? createYahooProvider(baseUrl, http) : createStooqProvider(baseUrl, http);
}
