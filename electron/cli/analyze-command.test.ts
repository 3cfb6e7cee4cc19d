import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAssetsDir } from '../backend/assets-dir';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function closes(symbol: string): { day: string; close: number }[] {
  const text = fs.readFileSync(path.join(findAssetsDir(), 'quotes', `${symbol}.csv`), 'utf8').trim();
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => ({ day: cells[0] as string, close: Number(cells[4]) }));
}

describe('tiltfolio analyze', () => {
  const tempDir = useTempDirs();

  it('prints the contract’s JSON for small caps after the 2016 election, checked by brute force', async () => {
    const db = path.join(tempDir(), 'db.sqlite');
    const quotes = path.join(findAssetsDir(), 'quotes');
    expect(
      (await run(['--db', db, 'quotes', 'import', path.join(quotes, 'RUT.csv'), path.join(quotes, 'SPY.csv')])).code,
    ).toBe(0);

    const result = await run([
      '--db',
      db,
      'analyze',
      'RUT',
      '--to',
      '2016-11-14',
      '--from',
      '2016-10-31',
      '--vs',
      'SPY',
      '--json',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'symbol',
      'to',
      'close',
      'change',
      'high',
      'low',
      'max_drawdown',
      'best_window',
    ]);

    const rut = closes('RUT');
    const spy = closes('SPY');
    const at = (rows: typeof rut, day: string) =>
      rows.filter((r) => r.day <= day).at(-1) as { day: string; close: number };
    const pct = (a: number, b: number) => (b / a - 1) * 100;
    const change = pct(at(rut, '2016-10-31').close, at(rut, '2016-11-14').close);
    const spyChange = pct(at(spy, '2016-10-31').close, at(spy, '2016-11-14').close);
    expect(json).toMatchObject({
      symbol: 'RUT',
      to: '2016-11-14',
      close: at(rut, '2016-11-14').close,
      change: { from: '2016-10-31', benchmark: 'SPY' },
    });
    const c = json.change as { pct: number; benchmark_pct: number; relative_pct: number };
    expect(c.pct).toBeCloseTo(change, 10);
    expect(c.benchmark_pct).toBeCloseTo(spyChange, 10);
    expect(c.relative_pct).toBeCloseTo(((1 + change / 100) / (1 + spyChange / 100) - 1) * 100, 10);

    const earlier = rut.filter((r) => r.day < '2016-11-14');
    const previous = earlier.reduce((best, r) => (r.close > best.close ? r : best));
    expect(json.high).toEqual({
      is_new_high: at(rut, '2016-11-14').close > previous.close,
      previous_high: { date: previous.day, close: previous.close },
    });

    const span = rut.filter((r) => r.day > '2015-11-15' && r.day <= '2016-11-14');
    const low = span.reduce((best, r) => (r.close < best.close ? r : best));
    expect(json.low).toMatchObject({ date: low.day, close: low.close });
    expect((json.low as { above_pct: number }).above_pct).toBeCloseTo(pct(low.close, at(rut, '2016-11-14').close), 10);

    let peak = span[0] as (typeof span)[number];
    let worst = { pct: 0, peak, trough: peak };
    for (const r of span) {
      if (r.close > peak.close) peak = r;
      const dd = pct(peak.close, r.close);
      if (dd < worst.pct) worst = { pct: dd, peak, trough: r };
    }
    expect((json.max_drawdown as { pct: number }).pct).toBeCloseTo(worst.pct, 10);
    expect(json.max_drawdown).toMatchObject({ peak: { date: worst.peak.day }, trough: { date: worst.trough.day } });
  });

  it('names a symbol with no bars', async () => {
    const db = path.join(tempDir(), 'db.sqlite');
    const result = await run(['--db', db, 'analyze', 'NOPE', '--to', '2016-11-14', '--json']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/NOPE has no bars/);
  });
});
