// Which way round a currency pair is quoted, and what the providers call it.

/** A pair as it is cached: 1 `base` costs `rate` units of `quote`. */
export interface FxPair {
  base: string;
  quote: string;
}

export const CURRENCY_RE = /^[A-Z]{3}$/;

// The market's order of precedence: the currency earlier in this list is the pair's base
// (EURUSD, GBPUSD, USDJPY, EURCHF). Yahoo and Stooq quote every pair this way round; the
// reverse tickers (USDEUR=X) exist on Yahoo but are derived and thinly kept.
const PRECEDENCE = ['EUR', 'GBP', 'AUD', 'NZD', 'USD', 'CAD', 'CHF', 'JPY'];

/** The pair joining two currencies, written the way the market quotes it. */
export function marketPair(a: string, b: string): FxPair {
  const rank = (code: string) => {
    const at = PRECEDENCE.indexOf(code);
    return at < 0 ? PRECEDENCE.length : at;
  };
  const [first, second] = rank(a) !== rank(b) ? (rank(a) < rank(b) ? [a, b] : [b, a]) : a < b ? [a, b] : [b, a];
  return { base: first, quote: second };
}

/**
 * The pairs a portfolio needs: each currency it uses other than the base currency, against the
 * base currency. Cross rates between two foreign currencies are derived, never fetched.
 */
export function pairsNeeded(currencies: readonly string[], baseCurrency: string): FxPair[] {
  const foreign = [...new Set(currencies)].filter((code) => CURRENCY_RE.test(code) && code !== baseCurrency).sort();
  return foreign.map((code) => marketPair(code, baseCurrency));
}

/** `EUR/USD`: how a pair is named in messages and the refresh log. */
export const pairLabel = (pair: FxPair): string => `${pair.base}/${pair.quote}`;

/** Yahoo's ticker for a pair: EURUSD=X. */
export const yahooFxSymbol = (pair: FxPair): string => `${pair.base}${pair.quote}=X`;

/** Stooq's code for a pair: eurusd. */
export const stooqFxSymbol = (pair: FxPair): string => `${pair.base}${pair.quote}`.toLowerCase();

/** The pair a Yahoo ticker such as `EURUSD=X` names, or null when it names none. */
export function pairFromYahooSymbol(symbol: string): FxPair | null {
  const match = /^([A-Z]{3})([A-Z]{3})=X$/i.exec(symbol);
  if (!match) return null;
  const base = match[1]!.toUpperCase();
  const quote = match[2]!.toUpperCase();
  return base === quote ? null : { base, quote };
}
