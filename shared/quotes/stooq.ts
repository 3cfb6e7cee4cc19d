// Stooq's daily CSV download: https://stooq.com/q/d/l/?s={symbol}&i=d&d1=YYYYMMDD&d2=YYYYMMDD
import { parseDailyCsv } from './daily-csv';
import { QuoteDataError, type ParsedSeries } from './types';

// Yahoo index tickers whose Stooq code is not simply the lower-cased name.
const INDEXES: Record<string, string> = {
  '^GSPC': '^spx',
  '^DJI': '^dji',
  '^IXIC': '^ndq',
  '^NDX': '^ndx',
};

// Yahoo exchange suffix → Stooq market suffix.
const SUFFIXES: Record<string, string> = {
  US: 'us',
  L: 'uk',
  DE: 'de',
  T: 'jp',
  HK: 'hk',
};

/**
 * The app's symbols are Yahoo tickers; Stooq names the same instruments differently:
 * - US listings take `.us`: AAPL → aapl.us, BRK-B → brk-b.us;
 * - indexes keep their caret: ^GSPC → ^spx, ^DJI → ^dji, ^IXIC → ^ndq, ^NDX → ^ndx, others ^RUT → ^rut;
 * - exchange suffixes are translated: VOD.L → vod.uk, SAP.DE → sap.de, 7203.T → 7203.jp, 0700.HK → 0700.hk;
 * - currency pairs drop Yahoo's `=X`: EURUSD=X → eurusd.
 * Any other suffix is passed through lower-cased, and may be unknown to Stooq.
 */
/** `2019-02-22` → `20190222`, Stooq's d1/d2 format. */
export function stooqDay(day: string): string {
  return day.replaceAll('-', '');
}

export function toStooqSymbol(symbol: string): string {
  const upper = symbol.toUpperCase();
  if (upper.startsWith('^')) return INDEXES[upper] ?? upper.toLowerCase();
  if (upper.endsWith('=X')) return upper.slice(0, -2).toLowerCase();
  const dot = upper.lastIndexOf('.');
  if (dot > 0) {
    const suffix = upper.slice(dot + 1);
    return `${upper.slice(0, dot).toLowerCase()}.${SUFFIXES[suffix] ?? suffix.toLowerCase()}`;
  }
  return `${upper.toLowerCase()}.us`;
}

/**
 * Bars from Stooq's CSV. Stooq answers an unknown symbol or an empty range with the plain text
 * "No data", and a rate limit with a sentence; neither is CSV, and both are errors for that symbol.
 * Stooq does not name the symbol in its answer, so a reply about another symbol cannot be caught.
 */
export function parseStooqCsv(body: string, symbol: string): ParsedSeries {
  const text = body.trim();
  if (/^no data/i.test(text)) throw new QuoteDataError(`Stooq has no data for ${symbol} in the requested range.`);
  if (!/^\uFEFF?date,/i.test(text)) {
    const preview = text.slice(0, 80).replace(/\s+/g, ' ');
    throw new QuoteDataError(`Stooq's answer for ${symbol} is not CSV: ${JSON.stringify(preview)}.`);
  }
  return parseDailyCsv(body, `Stooq's answer for ${symbol}`);
}
