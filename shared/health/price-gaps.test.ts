import { describe, expect, it } from 'vitest';
import { GAP_WEEKDAYS, priceGaps, weekdaysBetween } from './price-gaps';
import { healthInput, rowsOf } from './test-support/input';

describe('weekdaysBetween', () => {
  it('counts the weekdays strictly between two days', () => {
    // Fri 2019-02-15 to Mon 2019-02-18: only the weekend between.
    expect(weekdaysBetween('2019-02-15', '2019-02-18')).toBe(0);
    // Mon 2019-02-04 to Mon 2019-02-18: two weeks less the ends, 9 weekdays.
    expect(weekdaysBetween('2019-02-04', '2019-02-18')).toBe(9);
  });
});

describe('priceGaps', () => {
  it(`flags more than ${GAP_WEEKDAYS} missing weekdays, names the longest, and lets a long weekend pass`, () => {
    const input = healthInput({
      holdings: new Map([['SPY', ['Brokerage']]]),
      rows: new Map([
        [
          'SPY',
          rowsOf([
            ['2018-12-21', 240],
            // Christmas: Mon 24 open, Tue 25 closed.
            ['2018-12-24', 234],
            ['2018-12-26', 246],
            // Six weekdays missing: Dec 27 to Jan 3.
            ['2019-01-04', 252],
            // Nine weekdays missing: Jan 7 to Jan 17.
            ['2019-01-18', 266],
          ]),
        ],
      ]),
    });
    expect(priceGaps(input)).toEqual([
      expect.objectContaining({
        symbol: 'SPY',
        accounts: ['Brokerage'],
        day: '2019-01-07',
        detail:
          "SPY's prices have 2 gaps of more than 5 trading days; the longest has no price from 2019-01-07 to 2019-01-17 (9 weekdays).",
      }),
    ]);
  });

  it('lets exactly five missing weekdays pass', () => {
    const input = healthInput({
      comparisons: [{ symbol: 'SPY', role: 'benchmark' }],
      rows: new Map([
        [
          'SPY',
          rowsOf([
            ['2019-01-04', 252],
            ['2019-01-14', 258],
          ]),
        ],
      ]),
    });
    expect(priceGaps(input)).toEqual([]);
  });
});
