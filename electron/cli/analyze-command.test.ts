import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAssetsDir } from '../backend/assets-dir';
import { REAL_QUOTES, realBarOn } from '../test-support/real-data';
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

  // Issue 15, defect 3: XLF's file stops on 2018-01-31; AAPL's runs to 2019-02-22.
  it('compares with a benchmark that stops early over the days both cover, and says so', async () => {
    const db = path.join(tempDir(), 'db.sqlite');
    const files = ['AAPL', 'XLF'].map((s) => path.join(REAL_QUOTES, `${s}.csv`));
    expect((await run(['--db', db, 'quotes', 'import', ...files])).code).toBe(0);
    const args = ['--db', db, 'analyze', 'AAPL', '--from', '2017-01-03', '--to', '2019-02-22', '--vs', 'XLF'];
    const result = await run([...args, '--json']);
    expect(result.err).toBe('');
    const change = (JSON.parse(result.out) as { change: Record<string, unknown> }).change;
    const on = (symbol: string, day: string) => realBarOn(symbol, day)?.close as number;
    const aapl = (on('AAPL', '2018-01-31') / on('AAPL', '2017-01-03') - 1) * 100;
    const xlf = (on('XLF', '2018-01-31') / on('XLF', '2017-01-03') - 1) * 100;
    expect(change).toMatchObject({
      from: '2017-01-03',
      benchmark: 'XLF',
      compared_from: '2017-01-03',
      compared_to: '2018-01-31',
      benchmark_starts_late: false,
      benchmark_ends_early: true,
    });
    expect(change.pct).toBeCloseTo((on('AAPL', '2019-02-22') / on('AAPL', '2017-01-03') - 1) * 100, 10);
    expect(change.compared_pct).toBeCloseTo(aapl, 10);
    expect(change.benchmark_pct).toBeCloseTo(xlf, 10);
    expect(change.relative_pct).toBeCloseTo(((1 + aapl / 100) / (1 + xlf / 100) - 1) * 100, 10);

    const text = await run(args);
    expect(text.out).toContain("XLF's closes end on 2018-01-31: compared over 2017-01-03 – 2018-01-31 only");

    // Nothing in common: an error naming the benchmark's span, never 0 %.
    const none = await run([
      '--db',
      db,
      'analyze',
      'AAPL',
      '--from',
      '2018-06-01',
      '--to',
      '2019-02-22',
      '--vs',
      'XLF',
    ]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/XLF has closes from 2010-02-01 to 2018-01-31 only: no days in common/);
  });

  it('names a symbol with no bars', async () => {
    const db = path.join(tempDir(), 'db.sqlite');
    const result = await run(['--db', db, 'analyze', 'NOPE', '--to', '2016-11-14', '--json']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/NOPE has no bars/);
  });
});
