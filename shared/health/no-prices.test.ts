import { describe, expect, it } from 'vitest';
import { holdingsWithoutPrices } from './no-prices';
import { healthInput, rowsOf } from './test-support/input';

describe('holdingsWithoutPrices', () => {
  it('lists a held symbol with no rows, with the accounts holding it, and not one with prices', () => {
    const input = healthInput({
      holdings: new Map([
        ['ZZZ', ['Brokerage', 'IRA']],
        ['SPY', ['Brokerage']],
      ]),
      rows: new Map([['SPY', rowsOf([['2019-02-22', 271]])]]),
    });
    expect(holdingsWithoutPrices(input)).toEqual([
      expect.objectContaining({ kind: 'no_prices', symbol: 'ZZZ', accounts: ['Brokerage', 'IRA'] }),
    ]);
  });
});
