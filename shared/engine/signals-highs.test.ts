// New 52-week highs and lows are worked out over the year before the window only (signals.ts):
// checked here against a brute force over every close of real histories, dated as the list dates
// them (the first day of each run of consecutive flagged closes inside the window).
import { describe, expect, it } from 'vitest';
import type { Bar } from '../domain/bar';
import { SLEEVE_LABELS } from '../domain/sleeve';
import { addDays } from './dates';
import { signals } from './signals';
import { quotes } from './test-fixtures/quotes';

function bruteForceRuns(bars: readonly Bar[], sign: 1 | -1, from: string, to: string): string[] {
  const full = addDays(bars[0]!.day, 364);
  const near = (i: number) => i >= 0 && i < bars.length && bars[i]!.day >= addDays(from, -7) && bars[i]!.day <= to;
  // Only closes in the window (and the one before its first) are ever looked at.
  const flagged = bars.map((bar, i) => {
    if (bar.day < full || !near(i)) return false;
    const before = bars.filter((b) => b.day < bar.day && b.day >= addDays(bar.day, -364));
    return before.every((b) => sign * bar.close > sign * b.close);
  });
  const inside = (i: number) => bars[i]!.day >= from && bars[i]!.day <= to;
  return bars.flatMap((bar, i) =>
    flagged[i] && inside(i) && !(i > 0 && flagged[i - 1] && inside(i - 1)) ? [bar.day] : [],
  );
}

describe('signals: 52-week highs and lows from the year before the window', () => {
  for (const [symbol, from, to] of [
    ['RUT', '2016-01-01', '2016-12-31'],
    ['XLF', '2017-01-01', '2018-01-31'],
    ['AMZN', '2018-01-01', '2018-12-31'],
  ] as const)
    it(`${symbol} from ${from} to ${to}: the same days as a brute force over the whole history`, () => {
      const bars = quotes(symbol);
      const list = signals({
        from,
        to,
        benchmark: { symbol: 'SPY', bars: quotes('SPY') },
        members: [{ label: symbol, kind: 'holding', bars }],
        drift: null,
        labels: SLEEVE_LABELS,
        driftBandPct: 5,
        overheatPct: 15,
      });
      const days = (kind: string) => list.filter((s) => s.kind === kind).map((s) => s.date);
      const highs = bruteForceRuns(bars, 1, from, to);
      const lows = bruteForceRuns(bars, -1, from, to);
      expect(highs.length + lows.length).toBeGreaterThan(3);
      expect(days('high_52w')).toEqual(highs);
      expect(days('low_52w')).toEqual(lows);
    });

  it('counts a close exactly 364 days before the first day of the window, and not one a day older', () => {
    // Every calendar day from 2015 on at 100; one peak of 200; 150 on the window's first day.
    const from = '2017-03-01';
    const run = (peakDay: string) => {
      const bars: Bar[] = [];
      for (let day = '2015-01-01'; day <= '2017-03-10'; day = addDays(day, 1))
        bars.push({ day, close: day === peakDay ? 200 : day === from ? 150 : 100 });
      return signals({
        from,
        to: '2017-03-10',
        benchmark: { symbol: 'SPY', bars },
        members: [{ label: 'X', kind: 'holding', bars }],
        drift: null,
        labels: SLEEVE_LABELS,
        driftBandPct: 5,
        overheatPct: 1000,
      }).filter((s) => s.kind === 'high_52w');
    };
    expect(run(addDays(from, -364))).toEqual([]);
    expect(run(addDays(from, -365)).map((s) => s.date)).toEqual([from]);
  });
});
