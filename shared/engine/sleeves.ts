import { normalizeSymbol } from '../quotes/symbols';
import type { Sleeve } from '../domain/sleeve';

const LARGE_CAP_TECH = [
  'FB',
  'META',
  'AMZN',
  'NFLX',
  'GOOGL',
  'GOOG',
  'AAPL',
  'MSFT',
  'NVDA',
  'QQQ',
  'XLK',
  'VGT',
  'QQQM',
];
const FINANCIALS = ['JPM', 'BAC', 'WFC', 'C', 'GS', 'MS', 'AXP', 'XLF', 'KBE', 'KRE', 'VFH'];
// The Russell 2000 and S&P 600 and the funds that track them.
const SMALL_CAPS = [
  'IWM',
  'RUT',
  'VTWO',
  'IJR',
  'IWN',
  'IWO',
  'VB',
  'VBR',
  'VBK',
  'SCHA',
  'SLY',
  'VIOO',
  'SPSM',
  'IWC',
  'TNA',
];

function entries(symbols: readonly string[], sleeve: Sleeve): [string, Sleeve][] {
  return symbols.map((symbol) => [symbol, sleeve]);
}

/** Built-in assignments; anything else is "other" until the user assigns it. */
export const DEFAULT_SLEEVES: ReadonlyMap<string, Sleeve> = new Map([
  ...entries(LARGE_CAP_TECH, 'large_cap_tech'),
  ...entries(FINANCIALS, 'financials'),
  ...entries(SMALL_CAPS, 'small_caps'),
]);

export type SleeveOverrides = ReadonlyMap<string, Sleeve> | Readonly<Record<string, Sleeve>>;

/** The defaults' key: index tickers arrive as ^RUT from Yahoo and RUT elsewhere. */
function defaultsKey(symbol: string): string {
  return normalizeSymbol(symbol).replace(/^\^/, '');
}

function lookup(overrides: SleeveOverrides, symbol: string): Sleeve | undefined {
  if (overrides instanceof Map) return (overrides as ReadonlyMap<string, Sleeve>).get(symbol);
  const record = overrides as Readonly<Record<string, Sleeve>>;
  return Object.hasOwn(record, symbol) ? record[symbol] : undefined;
}

/** The user's override when there is one, else the built-in default, else "other". */
export function sleeveOf(symbol: string, overrides?: SleeveOverrides): Sleeve {
  const key = defaultsKey(symbol);
  if (overrides !== undefined) {
    const chosen = lookup(overrides, symbol) ?? lookup(overrides, key);
    if (chosen !== undefined) return chosen;
  }
  return DEFAULT_SLEEVES.get(key) ?? 'other';
}

/** A classifier bound to one set of overrides, memoised: the valuation asks once per holding. */
export function sleeveClassifier(overrides?: SleeveOverrides): (symbol: string) => Sleeve {
  const cache = new Map<string, Sleeve>();
  return (symbol) => {
    let sleeve = cache.get(symbol);
    if (sleeve === undefined) {
      sleeve = sleeveOf(symbol, overrides);
      cache.set(symbol, sleeve);
    }
    return sleeve;
  };
}
