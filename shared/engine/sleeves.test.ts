import { describe, expect, it } from 'vitest';
import { sleeveClassifier, sleeveOf } from './sleeves';

describe('sleeveOf', () => {
  it('knows the well-known tickers and ETFs', () => {
    for (const symbol of ['FB', 'META', 'AMZN', 'NFLX', 'GOOGL', 'GOOG', 'AAPL', 'MSFT', 'NVDA', 'QQQ', 'XLK']) {
      expect(sleeveOf(symbol)).toBe('large_cap_tech');
    }
    for (const symbol of ['JPM', 'BAC', 'WFC', 'C', 'GS', 'MS', 'AXP', 'XLF', 'KBE', 'KRE']) {
      expect(sleeveOf(symbol)).toBe('financials');
    }
    for (const symbol of ['IWM', 'RUT', '^RUT', 'VTWO', 'IJR', 'vb']) expect(sleeveOf(symbol)).toBe('small_caps');
  });

  it('puts unknown instruments in "other" until the user assigns them', () => {
    expect(sleeveOf('XOM')).toBe('other');
    expect(sleeveOf('XOM', { XOM: 'financials' })).toBe('financials');
    // An override beats a default.
    expect(sleeveOf('AMZN', new Map([['AMZN', 'other']]))).toBe('other');
    const classify = sleeveClassifier({ SPY: 'other', ARKK: 'large_cap_tech' });
    expect([classify('ARKK'), classify('JPM'), classify('SPY')]).toEqual(['large_cap_tech', 'financials', 'other']);
  });
});
