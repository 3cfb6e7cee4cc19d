// The currency a symbol's prices are in when nothing on record says (a benchmark whose prices were
// imported but never traded has no instrument row): Yahoo's exchange suffixes and a few index
// symbols. Anything else is taken to be in US dollars, as Yahoo's unsuffixed symbols are.
const BY_SUFFIX: Readonly<Record<string, string>> = {
  DE: 'EUR',
  F: 'EUR',
  PA: 'EUR',
  AS: 'EUR',
  MI: 'EUR',
  MC: 'EUR',
  BR: 'EUR',
  VI: 'EUR',
  L: 'GBP',
  SW: 'CHF',
  T: 'JPY',
  TO: 'CAD',
};

const INDEXES: Readonly<Record<string, string>> = {
  '^GDAXI': 'EUR',
  '^STOXX50E': 'EUR',
  '^FCHI': 'EUR',
  '^FTSE': 'GBP',
  '^N225': 'JPY',
};

export function currencyOfSymbol(symbol: string): string {
  const upper = symbol.toUpperCase();
  const index = INDEXES[upper];
  if (index !== undefined) return index;
  const dot = upper.lastIndexOf('.');
  return (dot > 0 ? BY_SUFFIX[upper.slice(dot + 1)] : undefined) ?? 'USD';
}
