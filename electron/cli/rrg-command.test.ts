// `tiltfolio rrg` on real closes (../shared/data/quotes), checked against the formula of
// docs/engine.md ("Relative rotation") worked out here from the CSV text on its own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_QUOTES, realBars } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Monday of the day's week, as a day count: weeks start on Monday (ISO). */
function mondayOf(day: string): number {
  const t = Date.parse(`${day}T00:00:00Z`) / 86_400_000;
  return t - ((new Date(t * 86_400_000).getUTCDay() + 6) % 7);
}

/** 100 + z-score over the n values ending at each index (population sd); NaN until n exist. */
function zScored(values: number[], n: number): number[] {
  return values.map((v, i) => {
    if (i < n - 1 || !Number.isFinite(values[i - n + 1] as number)) return Number.NaN;
    const win = values.slice(i - n + 1, i + 1);
    const mean = win.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(win.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    return 100 + (v - mean) / sd;
  });
}

/** RS-Ratio and RS-Momentum on weekly closes up to `to`, N = 14, as docs/engine.md states them. */
function expectedRrg(symbol: string, vs: string, to: string) {
  const b = new Map(realBars(vs).map((bar) => [bar.day, bar.close]));
  const common = realBars(symbol).filter((bar) => bar.day <= to && b.has(bar.day));
  const weekly = common.filter(
    (bar, i) => i === common.length - 1 || mondayOf(common[i + 1]!.day) !== mondayOf(bar.day),
  );
  const rs = weekly.map((bar) => (100 * bar.close) / (b.get(bar.day) as number));
  const ratio = zScored(rs, 14);
  const roc = ratio.map((r, i) => (i === 0 ? Number.NaN : 100 * (r / (ratio[i - 1] as number) - 1)));
  const momentum = zScored(roc, 14);
  return weekly.map((bar, i) => ({ date: bar.day, rs_ratio: ratio[i] as number, rs_momentum: momentum[i] as number }));
}

const quadrant = (r: number, m: number) =>
  r >= 100 ? (m >= 100 ? 'leading' : 'weakening') : m >= 100 ? 'improving' : 'lagging';

describe('tiltfolio rrg', () => {
  const tempDir = useTempDirs();

  async function database() {
    const db = path.join(tempDir(), 'db.sqlite');
    const files = ['XLF', 'XLK', 'RUT', 'SPY'].map((s) => path.join(REAL_QUOTES, `${s}.csv`));
    expect((await run(['--db', db, 'quotes', 'import', ...files])).code).toBe(0);
    return db;
  }

  it('prints the contract’s JSON for sector ETFs and small caps to 2016-11-18, checked by an independent computation', async () => {
    const db = await database();
    const result = await run([
      '--db',
      db,
      'rrg',
      'XLF',
      'xlk',
      'RUT',
      '--vs',
      'SPY',
      '--to',
      '2016-11-18',
      '--weeks',
      '6',
      '--json',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as {
      benchmark: string;
      to: string;
      members: { symbol: string; tail: { date: string; rs_ratio: number; rs_momentum: number; quadrant: string }[] }[];
    };
    expect(Object.keys(json)).toEqual(['benchmark', 'to', 'members']);
    expect(json.benchmark).toBe('SPY');
    expect(json.to).toBe('2016-11-18');
    expect(json.members.map((m) => m.symbol)).toEqual(['XLF', 'XLK', 'RUT']);
    for (const member of json.members) {
      const expected = expectedRrg(member.symbol, 'SPY', '2016-11-18').slice(-6);
      // Fridays of the six weeks to Nov 18 (each a trading day), oldest first.
      expect(member.tail.map((p) => p.date)).toEqual([
        '2016-10-14',
        '2016-10-21',
        '2016-10-28',
        '2016-11-04',
        '2016-11-11',
        '2016-11-18',
      ]);
      expect(member.tail.map((p) => p.date)).toEqual(expected.map((p) => p.date));
      member.tail.forEach((p, i) => {
        expect(Object.keys(p)).toEqual(['date', 'rs_ratio', 'rs_momentum', 'quadrant']);
        expect(p.rs_ratio).toBeCloseTo(expected[i]!.rs_ratio, 9);
        expect(p.rs_momentum).toBeCloseTo(expected[i]!.rs_momentum, 9);
        expect(p.quadrant).toBe(quadrant(expected[i]!.rs_ratio, expected[i]!.rs_momentum));
      });
    }
  });

  it('the November 2016 rotation: financials and small caps move right, tech moves left', async () => {
    const db = await database();
    const args = [
      '--db',
      db,
      'rrg',
      'XLF',
      'XLK',
      'RUT',
      '--vs',
      'SPY',
      '--to',
      '2016-11-11',
      '--weeks',
      '3',
      '--json',
    ];
    const json = JSON.parse((await run(args)).out) as {
      members: { symbol: string; tail: { date: string; rs_ratio: number }[] }[];
    };
    const ratios = (symbol: string) => json.members.find((m) => m.symbol === symbol)!.tail.map((p) => p.rs_ratio);
    // Weeks ending Oct 28 (where the window Oct 31 – Nov 14 starts from), Nov 4 and Nov 11.
    expect(json.members[0]!.tail.map((p) => p.date)).toEqual(['2016-10-28', '2016-11-04', '2016-11-11']);
    const [xlf, rut, xlk] = [ratios('XLF'), ratios('RUT'), ratios('XLK')];
    // Across the window: right for financials and small caps, left for tech.
    expect(xlf[2]! - xlf[0]!).toBeGreaterThan(0.5);
    expect(rut[2]! - rut[0]!).toBeGreaterThan(2);
    expect(xlk[2]! - xlk[0]!).toBeLessThan(-2);
    // Week by week small caps rise and tech falls; financials idle the week before the election
    // (102.06 → 101.95) and jump after it.
    expect(rut[1]!).toBeGreaterThan(rut[0]!);
    expect(rut[2]!).toBeGreaterThan(rut[1]!);
    expect(xlk[1]!).toBeLessThan(xlk[0]!);
    expect(xlk[2]!).toBeLessThan(xlk[1]!);
    expect(xlf[2]! - xlf[1]!).toBeGreaterThan(1);
    // The same numbers as the documented formula.
    expect(xlf[2]).toBeCloseTo(expectedRrg('XLF', 'SPY', '2016-11-11').at(-1)!.rs_ratio, 9);
  });

  it('prints a table without --json, and names a symbol without prices', async () => {
    const db = await database();
    const table = await run(['--db', db, 'rrg', 'XLF', '--vs', 'SPY', '--to', '2016-11-18', '--weeks', '2']);
    expect(table.code).toBe(0);
    const lines = table.out.trim().split('\n');
    expect(lines[1]).toMatch(/^Symbol\s+Week ending\s+RS-Ratio\s+RS-Momentum\s+Quadrant$/);
    const last = expectedRrg('XLF', 'SPY', '2016-11-18').at(-1)!;
    expect(lines[3]).toMatch(
      new RegExp(`^XLF\\s+2016-11-18\\s+${last.rs_ratio.toFixed(2)}\\s+${last.rs_momentum.toFixed(2)}\\s+Weakening$`),
    );
    expect(lines).toHaveLength(4);
    const missing = await run(['--db', db, 'rrg', 'XLF', 'NOPE', '--vs', 'SPY', '--to', '2016-11-18']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NOPE');
  });
});
