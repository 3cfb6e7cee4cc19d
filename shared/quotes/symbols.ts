// Symbols are Yahoo-style tickers, upper-cased: AAPL, BRK-B, ^GSPC, VOD.L, EURUSD=X.
export const SYMBOL_RE = /^[A-Z0-9.^=-]{1,32}$/;

/** The one way a typed or read symbol becomes a ticker: trimmed, upper-cased ('brk-b ' → 'BRK-B'). */
export function normalizeSymbol(text: string): string {
  return text.trim().toUpperCase();
}

export function isValidSymbol(text: string): boolean {
  return SYMBOL_RE.test(text);
}

/** `data/spy.csv` → `SPY`: the file's name without folders or extension, upper-cased. */
export function symbolFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? '';
  const dot = base.lastIndexOf('.');
  return normalizeSymbol(dot > 0 ? base.slice(0, dot) : base);
}
