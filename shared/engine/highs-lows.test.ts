import { describe, expect, it } from 'vitest';
import type { Bar } from '../domain/bar';
import { lowestClose, newHighs, previousHigh } from './highs-lows';
import { weekdayBars } from './test-fixtures/bars';
import { quotes } from './test-fixtures/quotes';

describe('highs and lows', () => {
  it('flags all-time highs strictly above every earlier close', () => {
    const bars = weekdayBars('2020-01-06', [10, 12, 11, 12, 13]);
    expect(Array.from(newHighs(bars).allTime)).toEqual([1, 1, 0, 0, 1]); // equalling 12 is not a new high
    expect(previousHigh(bars, 4)).toEqual(bars[1]); // the first day 12 was reached
    expect(previousHigh(bars, 0)).toBeNull();
  });

  it('flags 52-week highs against the previous 364 days only', () => {
    const bars: Bar[] = [
      { day: '2015-01-02', close: 200 },
      { day: '2015-06-01', close: 150 },
      { day: '2016-01-04', close: 160 }, // the 200 is 367 days back: out of the window
      { day: '2016-03-01', close: 155 },
    ];
    const flags = newHighs(bars);
    expect(Array.from(flags.week52)).toEqual([1, 0, 1, 0]);
    expect(Array.from(flags.allTime)).toEqual([1, 0, 0, 0]);
  });

  it('agrees with a brute-force 52-week high on real SPY closes', () => {
    const spy = quotes('SPY');
    const flags = newHighs(spy);
    let disagreements = 0;
    let count = 0;
    for (let i = 0; i < spy.length; i++) {
      const day = Date.parse(spy[i]?.day ?? '');
      const window = spy.slice(0, i).filter((b) => Date.parse(b.day) >= day - 364 * 86_400_000);
      const expected = window.every((b) => b.close < (spy[i] as Bar).close) ? 1 : 0;
      if (flags.week52[i] !== expected) disagreements++;
      count += expected;
    }
    expect(disagreements).toBe(0);
    expect(count).toBeGreaterThan(100); // 2009–2019 made plenty
  });

  it('finds the lowest close in a span and the distance above it', () => {
    const bars = weekdayBars('2020-01-06', [50, 40, 45, 40, 60]);
    expect(lowestClose(bars)).toEqual({ bar: bars[1], abovePct: 50 });
    expect(lowestClose(bars, 2, 2)).toEqual({ bar: bars[2], abovePct: 0 });
    expect(lowestClose(bars, 3, 2)).toBeNull();
  });
});
