// `tiltfolio attribution` on the demo portfolio over the November 2016 rotation: the same figures
// as the app's call, and the blended benchmark worked out here from the real closes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import type { Bar } from '../../shared/domain/bar';
import { callOk, testBackend } from '../test-support/backend';
import { realBars } from '../test-support/real-quotes';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

const tempDir = useTempDirs();

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Daily-rebalanced blend of the indexes' close-to-close returns over the given trading days. */
function blend(weights: Record<string, number>, from: string, to: string): number {
  const series = Object.fromEntries(
    Object.keys(weights).map((s) => [s, new Map(realBars(s).map((b: Bar) => [b.day, b.close]))]),
  );
  const days = realBars('SPY')
    .map((b) => b.day)
    .filter((d) => d >= from && d <= to);
  let growth = 1;
  for (let i = 1; i < days.length; i++) {
    let r = 0;
    for (const [s, w] of Object.entries(weights)) {
      const closes = series[s] as Map<string, number>;
      r += w * ((closes.get(days[i] as string) as number) / (closes.get(days[i - 1] as string) as number) - 1);
    }
    growth *= 1 + r;
  }
  return (growth - 1) * 100;
}

describe('tiltfolio attribution', () => {
  it('agrees with the app’s call on the demo over Oct 31 – Nov 14, 2016, and its effects add up', async () => {
    const dir = tempDir();
    const backend = testBackend(dir);
    await callOk(backend, 'demo:load', {});
    const settings = await callOk<CallOutput<'settings:get'>>(backend, 'settings:get', {});
    const fromApp = await callOk(backend, 'portfolio:attribution', { from: '2016-10-31', to: '2016-11-14' });
    backend.close();
    const db = path.join(dir, 'tiltfolio.sqlite');
    const run = await cli('--db', db, 'attribution', '--from', '2016-10-31', '--to', '2016-11-14', '--json');
    expect(run).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(run.out) as CallOutput<'portfolio:attribution'>;
    expect(json).toEqual(fromApp);
    expect(json).toMatchObject({ from: '2016-10-31', to: '2016-11-14' });

    // The benchmark: the Settings weights over XLK, XLF, RUT and SPY (the defaults), rebalanced daily.
    const w = settings.benchmarkWeights;
    const expected = blend(
      { XLK: w.large_cap_tech, XLF: w.financials, RUT: w.small_caps, SPY: w.other },
      '2016-10-31',
      '2016-11-14',
    );
    expect(json.benchmark_pct).toBeCloseTo(expected, 2);
    const target = settings.targetWeights!;
    expect(json.target_blend_pct).toBeCloseTo(
      blend(
        { XLK: target.large_cap_tech, XLF: target.financials, RUT: target.small_caps, SPY: target.other },
        '2016-10-31',
        '2016-11-14',
      ),
      8,
    );
    // As printed: the effects (in hundredths) add up to the active return, which is portfolio − benchmark.
    const cents = (x: number) => Math.round(x * 100);
    const effects = json.sleeves.reduce(
      (sum, s) => sum + cents(s.allocation_pct) + cents(s.selection_pct) + cents(s.interaction_pct),
      0,
    );
    expect(effects).toBe(cents(json.active_pct));
    expect(cents(json.portfolio_pct) - cents(json.benchmark_pct)).toBe(cents(json.active_pct));
    expect(json.sleeves.map((s) => s.index)).toEqual(['XLK', 'XLF', 'RUT', 'SPY']);
    expect(json.risk?.days).toBe(10);

    const text = await cli('--db', db, 'attribution', '--from', '2016-10-31', '--to', '2016-11-14');
    expect(text.out).toContain('2016-10-31 – 2016-11-14');
    expect(text.out).toMatch(/Financials\s+XLF/);
  });

  it('says which index has no prices', async () => {
    const dir = tempDir();
    const backend = testBackend(dir);
    await callOk(backend, 'demo:load', {});
    await callOk(backend, 'settings:set', {
      sleeveIndexes: { large_cap_tech: 'IWM', financials: 'XLF', small_caps: 'RUT', other: null },
    });
    backend.close();
    const run = await cli('--db', path.join(dir, 'tiltfolio.sqlite'), 'attribution', '--to', '2016-11-14');
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('no cached prices for IWM');
  });
});
