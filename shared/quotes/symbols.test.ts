import { describe, expect, it } from 'vitest';
import { isValidSymbol, symbolFromFileName } from './symbols';

describe('symbols', () => {
  it('takes the symbol from a file name', () => {
    expect(symbolFromFileName('spy.csv')).toBe('SPY');
    expect(symbolFromFileName('/home/me/data/BRK-B.csv')).toBe('BRK-B');
    expect(symbolFromFileName('C:\\quotes\\xlf.CSV')).toBe('XLF');
    expect(symbolFromFileName('my prices.csv')).toBe('MY PRICES');
    expect(isValidSymbol(symbolFromFileName('my prices.csv'))).toBe(false);
  });

  it('accepts tickers, indexes and currency pairs only', () => {
    for (const ok of ['SPY', '^GSPC', 'EURUSD=X', 'VOD.L', 'BRK-B']) expect(isValidSymbol(ok)).toBe(true);
    for (const bad of ['', 'spy', 'A B', 'X'.repeat(33), 'DROP;TABLE']) expect(isValidSymbol(bad)).toBe(false);
  });
});
