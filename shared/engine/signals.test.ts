import { describe, expect, it } from 'vitest';
import type { Bar } from '../domain/bar';
import { SLEEVE_LABELS } from '../domain/sleeve';
import { addDays } from './dates';
import { signals, type SignalsInput } from './signals';
import { quotes } from './test-fixtures/quotes';

const base: Omit<SignalsInput, 'members'> = {
  from: '2016-11-01',
  to: '2016-11-30',
  benchmark: { symbol: 'SPY', bars: quotes('SPY') },
  drift: null,
  labels: SLEEVE_LABELS,
  driftBandPct: 5,
  overheatPct: 15,
};

describe('signals', () => {
  it('RUT in November 2016: its first new 52-week high found by brute force here', () => {
    const rut = quotes('RUT');
    const list = signals({ ...base, members: [{ label: 'RUT', kind: 'holding', bars: rut }] });
    // Brute force: the first November close above every close of the 364 days before it.
    const first = rut.find(
      (bar) =>
        bar.day >= '2016-11-01' &&
        bar.close >
          Math.max(...rut.filter((b) => b.day < bar.day && b.day >= addDays(bar.day, -364)).map((b) => b.close)),
    ) as Bar;
    const highs = list.filter((s) => s.kind === 'high_52w');
    expect(highs[0]?.date).toBe(first.day);
    expect(first.day < '2016-11-15').toBe(true);
    // And small caps took the lead over the S&P 500 that month.
    expect(list.some((s) => s.kind === 'rs_up' || s.kind === 'quadrant')).toBe(true);
  });

  it('takes members from a generator one at a time, with the same signals as from an array', () => {
    const symbols = ['RUT', 'QQQ', 'XLF', 'XLK'] as const;
    const asArray = signals({
      ...base,
      members: symbols.map((label) => ({ label, kind: 'holding' as const, bars: quotes(label) })),
    });
    // The backend reads each holding's bars as the generator is asked for it: one at a time.
    let pending = 0;
    let mostPending = 0;
    function* members() {
      for (const label of symbols) {
        pending++;
        mostPending = Math.max(mostPending, pending);
        yield { label, kind: 'holding' as const, bars: quotes(label) };
        pending--;
      }
    }
    expect(signals({ ...base, members: members() })).toEqual(asArray);
    expect(mostPending).toBe(1);
    expect(new Set(asArray.map((s) => s.subject))).toEqual(new Set(['RUT', 'QQQ', 'XLF', 'XLK']));
  });

  it('overheated: the first close more than the threshold above its 50-day average', () => {
    // 199 days at 100, then 130 (no day before is hot): the 50-day average that day is (49·100 + 130)/50 = 100.6.
    const days = Array.from({ length: 200 }, (_, i) => addDays('2016-01-01', i));
    const bars = days.map((day, i) => ({ day, close: i === 199 ? 130 : 100 }));
    const list = signals({
      ...base,
      from: days[0] as string,
      to: days[199] as string,
      benchmark: { symbol: 'X', bars },
      members: [{ label: 'HOT', kind: 'holding', bars }],
    }).filter((s) => s.kind === 'overheated');
    // Both averages fire that day; the 200-day one is (199·100 + 130)/200 = 100.15.
    expect(list.map((s) => s.date)).toEqual([days[199], days[199]]);
    expect(list[0]?.message).toContain(`+${((130 / 100.6 - 1) * 100).toFixed(1)} % above its 50-day average`);
    expect(list[1]?.message).toContain(`+${((130 / 100.15 - 1) * 100).toFixed(1)} % above its 200-day average`);
  });

  it('drift: the day a sleeve leaves the band around its target, once', () => {
    const days = ['2016-11-01', '2016-11-02', '2016-11-03', '2016-11-04'];
    // Financials 15 → 18 → 21 → 22 % of 100: outside ±5 points of a 15 % target from day 3 on.
    const values = {
      large_cap_tech: [40, 40, 40, 40],
      financials: [15, 18, 21, 22],
      small_caps: [15, 15, 15, 15],
      other: [30, 27, 24, 23],
    };
    const target = { large_cap_tech: 0.4, financials: 0.15, small_caps: 0.15, other: 0.3 };
    const list = signals({ ...base, members: [], drift: { days, values, target } });
    expect(list.map((s) => [s.date, s.subject])).toEqual([
      ['2016-11-03', 'Financials'],
      ['2016-11-03', 'Other'],
    ]);
    expect(list[0]?.message).toContain('21.0 %');
  });
});
