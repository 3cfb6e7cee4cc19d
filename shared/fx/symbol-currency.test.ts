import { describe, expect, it } from 'vitest';
import { currencyOfSymbol } from './symbol-currency';

describe('currencyOfSymbol', () => {
  it('reads the exchange suffix and the known indexes, and takes the rest to be dollars', () => {
    expect(['BAS.DE', 'DBK.DE', '^GDAXI', 'VOD.L', 'NESN.SW', 'SPY', 'BRK-B', '^GSPC'].map(currencyOfSymbol)).toEqual([
      'EUR',
      'EUR',
      'EUR',
      'GBP',
      'CHF',
      'USD',
      'USD',
      'USD',
    ]);
  });
});
