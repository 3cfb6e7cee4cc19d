import { describe, expect, it } from 'vitest';
import type { HoldingSeries } from '../../shared/engine/valuation';
import { heldInWindow } from './signals-service';

const DAYS = ['2019-02-18', '2019-02-19', '2019-02-20', '2019-02-21', '2019-02-22'];

/** A holding whose daily values count their reads, as valuation.ts works them out on first read. */
function holding(symbol: string, values: number[]): HoldingSeries & { reads: number } {
  return {
    symbol,
    sleeve: 'other',
    currency: 'USD',
    lastValue: values.at(-1) as number,
    reads: 0,
    get values() {
      this.reads++;
      return Float64Array.from(values);
    },
    carried: new Uint8Array(values.length),
    atCost: new Uint8Array(values.length),
  };
}

/** The rule written out: a value above zero on a day inside the window. */
function bruteForce(holdings: HoldingSeries[], start: string, end: string): Set<string> {
  const out = new Set<string>();
  for (const h of holdings)
    DAYS.forEach((day, t) => {
      if (day >= start && day <= end && (h.values[t] as number) > 0) out.add(h.symbol);
    });
  return out;
}

describe('heldInWindow', () => {
  const make = () => [
    holding('HELD', [10, 10, 11, 12, 13]),
    holding('SOLD_BEFORE', [5, 5, 0, 0, 0]),
    holding('SOLD_INSIDE', [0, 0, 0, 7, 0]),
    holding('LAST_DAY', [0, 0, 0, 0, 4]),
    // Held in two accounts: one symbol.
    holding('HELD', [0, 1, 1, 1, 1]),
  ];

  it('finds what the rule finds, for windows with and without the last day', () => {
    for (const [start, end] of [
      ['2019-02-20', '2019-02-22'],
      ['2019-02-18', '2019-02-19'],
      ['2019-02-21', '2019-02-21'],
      ['2019-02-22', '2019-03-01'],
      ['2019-01-01', '2019-02-17'],
    ] as const) {
      expect(heldInWindow({ days: DAYS, holdings: make() }, start, end)).toEqual(bruteForce(make(), start, end));
    }
    expect(heldInWindow({ days: DAYS, holdings: make() }, '2019-02-20', '2019-02-22')).toEqual(
      new Set(['HELD', 'SOLD_INSIDE', 'LAST_DAY']),
    );
  });

  it('reads the days only of holdings worth nothing on the last day, when the window holds that day', () => {
    const holdings = make();
    heldInWindow({ days: DAYS, holdings }, '2019-02-20', '2019-02-22');
    expect(holdings.map((h) => [h.symbol, h.reads])).toEqual([
      ['HELD', 0],
      ['SOLD_BEFORE', 1],
      ['SOLD_INSIDE', 1],
      ['LAST_DAY', 0],
      ['HELD', 0],
    ]);
    // A window that ends before the last day reads them all.
    const earlier = make();
    heldInWindow({ days: DAYS, holdings: earlier }, '2019-02-18', '2019-02-19');
    expect(earlier.every((h) => h.reads === 1)).toBe(true);
  });
});
