import { describe, expect, it } from 'vitest';
import { stalePrices } from './stale-prices';
import { healthInput, rowsOf } from './test-support/input';

const held = new Map([
  ['SPY', ['Brokerage']],
  ['XLF', ['Brokerage']],
]);

describe('stalePrices', () => {
  it('flags a symbol more than 4 days behind the newest held price, and not one 4 days behind', () => {
    const input = healthInput({
      today: '2026-12-04',
      holdings: held,
      rows: new Map([
        ['SPY', rowsOf([['2019-02-22', 271]])],
        ['XLF', rowsOf([['2019-02-15', 27]])],
      ]),
    });
    expect(stalePrices(input)).toEqual([
      expect.objectContaining({
        symbol: 'XLF',
        day: '2019-02-15',
        detail: "XLF's last price is from 2019-02-15, 7 days before the portfolio's newest price (2019-02-22).",
      }),
    ]);
    const four = healthInput({
      ...input,
      rows: new Map([
        ['SPY', rowsOf([['2019-02-22', 271]])],
        ['XLF', rowsOf([['2019-02-18', 27]])],
      ]),
    });
    expect(stalePrices(four)).toEqual([]);
  });

  it('lists nothing when every price ends on one day, however old (the dashboard says how old)', () => {
    const input = healthInput({
      today: '2026-12-04',
      holdings: held,
      rows: new Map([
        ['SPY', rowsOf([['2019-02-22', 271]])],
        ['XLF', rowsOf([['2019-02-22', 27]])],
      ]),
    });
    expect(stalePrices(input)).toEqual([]);
  });

  it('measures against today when a price is from today', () => {
    const input = healthInput({
      today: '2019-03-15',
      holdings: held,
      rows: new Map([
        ['SPY', rowsOf([['2019-03-15', 280]])],
        ['XLF', rowsOf([['2019-03-01', 27]])],
      ]),
    });
    expect(stalePrices(input)[0]?.detail).toBe("XLF's last price is from 2019-03-01, 14 days before today.");
  });
});
