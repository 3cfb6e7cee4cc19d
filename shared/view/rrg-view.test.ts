import { describe, expect, it } from 'vitest';
import type { Bar } from '../domain/bar';
import { dayFromNumber, dayToNumber } from '../engine/dates';
import { quadrantOf } from '../engine/relative-rotation';
import { tx } from '../engine/test-fixtures/transactions';
import { defaultRrgMembers, rrgFrame, rrgStops, rrgView } from './rrg-view';
import { snapshotOf } from './test-fixtures/snapshot';

/** A close every calendar day for 300 days from 2023-01-02. */
function daily(close: (i: number) => number): Bar[] {
  const start = dayToNumber('2023-01-02');
  return Array.from({ length: 300 }, (_, i) => ({ day: dayFromNumber(start + i), close: close(i) }));
}

const benchmark = daily((i) => 100 * 1.0005 ** i);
const strong = daily((i) => 100 * 1.002 ** i * (1 + 0.05 * Math.sin(i / 20)));
const weak = daily((i) => 100 * 0.999 ** i);

describe('rrgView', () => {
  const view = rrgView(
    { kind: 'symbol', symbol: 'SPY' },
    benchmark,
    [
      { subject: { kind: 'symbol', symbol: 'NVDA' }, bars: strong },
      { subject: { kind: 'symbol', symbol: 'GONE' }, bars: null },
      { subject: { kind: 'sleeve', sleeve: 'financials' }, bars: weak },
      { subject: { kind: 'portfolio' }, bars: strong },
    ],
    { tail: 5 },
  );

  it('keys and labels each member with bars, in the order asked, and leaves out one without', () => {
    expect(view.benchmarkLabel).toBe('SPY');
    expect(view.members.map(({ key, label, kind }) => ({ key, label, kind }))).toEqual([
      { key: 'NVDA', label: 'NVDA', kind: 'symbol' },
      { key: 'financials', label: 'Financials (your sleeve)', kind: 'sleeve' },
      { key: 'portfolio', label: 'Your portfolio', kind: 'portfolio' },
    ]);
    expect(view.missing).toEqual(['GONE']);
  });

  it('cuts a frame from the history that equals the graph worked out up to that week', () => {
    const members = [
      { subject: { kind: 'symbol', symbol: 'NVDA' } as const, bars: strong },
      { subject: { kind: 'sleeve', sleeve: 'financials' } as const, bars: weak },
    ];
    const spy = { kind: 'symbol', symbol: 'SPY' } as const;
    const history = rrgView(spy, benchmark, members, { tail: 5, history: true });
    const stops = rrgStops(history);
    expect(stops.length).toBeGreaterThan(12);
    for (const endDay of [stops[0] as string, stops[8] as string, stops.at(-4) as string]) {
      const cut = (bars: typeof strong) => bars.filter((b) => b.day <= endDay);
      const direct = rrgView(
        spy,
        cut(benchmark),
        members.map((m) => ({ ...m, bars: cut(m.bars) })),
        { tail: 5 },
      );
      const frame = rrgFrame(history, endDay, 5);
      expect(frame.members.map((m) => [m.key, m.quadrant, m.ended])).toEqual(
        direct.members.map((m) => [m.key, m.quadrant, m.ended]),
      );
      for (const [k, m] of frame.members.entries()) {
        const d = direct.members[k]!;
        expect(m.tail.map((p) => p.day)).toEqual(d.tail.map((p) => p.day));
        m.tail.forEach((p, j) => expect(p.ratio).toBeCloseTo(d.tail[j]!.ratio, 9));
      }
    }
    // Before any member has a point the frame is empty.
    expect(rrgFrame(history, '2000-01-01', 5).members).toEqual([]);
  });

  it('daily: one point per common day', () => {
    const daily = rrgView(
      { kind: 'symbol', symbol: 'SPY' },
      benchmark,
      [{ subject: { kind: 'symbol', symbol: 'NVDA' }, bars: strong }],
      {
        tail: 10,
        period: 'daily',
      },
    );
    const days = daily.members[0]!.tail.map((p) => p.day);
    expect(days).toEqual(strong.slice(-10).map((b) => b.day));
    expect(daily.period).toBe('daily');
  });

  it('gives each member its last weeks, oldest first, and the quadrant of the latest', () => {
    for (const member of view.members) {
      expect(member.tail).toHaveLength(5);
      const days = member.tail.map((p) => p.day);
      expect([...days].sort()).toEqual(days);
      // Weekly points: each week's last day, at most seven days apart.
      for (let i = 1; i < days.length; i++) {
        const gap = dayToNumber(days[i] as string) - dayToNumber(days[i - 1] as string);
        expect(gap).toBeGreaterThan(0);
        expect(gap).toBeLessThanOrEqual(7);
      }
      const last = member.tail.at(-1);
      expect(member.quadrant).toBe(last ? quadrantOf(last.ratio, last.momentum) : null);
    }
    // Losing 0.1 % a day against a benchmark gaining 0.05 % keeps the sleeve below 100 on RS-Ratio.
    const weakTail = view.members.find((m) => m.key === 'financials')?.tail ?? [];
    for (const point of weakTail) expect(point.ratio).toBeLessThan(100);
  });
});

describe('defaultRrgMembers', () => {
  // A sleeve holding nothing keeps a flat index of 100, so it is a member too; only a portfolio
  // without a single day has no sleeve to show.
  it('takes every sleeve that holds something (not an empty one), then every instrument held, each once', () => {
    const snapshot = snapshotOf({
      accounts: ['Brokerage', 'IRA'],
      transactions: [
        tx({ id: 1, date: '2024-05-01', type: 'buy', symbol: 'JPM', quantity: '1', price: '100' }),
        tx({ id: 2, date: '2024-05-01', type: 'buy', symbol: 'AAPL', quantity: '1', price: '100' }),
        tx({ id: 3, date: '2024-05-01', type: 'buy', account: 'IRA', symbol: 'AAPL', quantity: '1', price: '100' }),
      ],
      bars: {
        AAPL: [
          { day: '2024-05-01', close: 100 },
          { day: '2024-05-02', close: 101 },
        ],
        JPM: [
          { day: '2024-05-01', close: 100 },
          { day: '2024-05-02', close: 99 },
        ],
      },
      sleeves: { AAPL: 'large_cap_tech', JPM: 'financials' },
    });
    expect(defaultRrgMembers(snapshot.result.series)).toEqual([
      { kind: 'sleeve', sleeve: 'large_cap_tech' },
      { kind: 'sleeve', sleeve: 'financials' },
      { kind: 'symbol', symbol: 'AAPL' },
      { kind: 'symbol', symbol: 'JPM' },
    ]);
    const empty = snapshotOf({ accounts: ['Brokerage'], transactions: [] });
    expect(defaultRrgMembers(empty.result.series)).toEqual([]);
  });
});
