// The Rotation screen's figures on real closes (the demo portfolio, plus NVDA to 2022 imported from
// ../shared/data): each expected figure is worked out here from the CSV text itself.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, CallOutput } from '../../shared/api/contract';
import type { Bar } from '../../shared/domain/bar';
import { realBars, realClose, realCsv } from '../test-support/real-quotes';
import { testBackend } from '../test-support/backend';
import type { Backend } from './backend';

const pct = (to: number, from: number) => (to / from - 1) * 100;

/**
 * Ratio A/B on common days, its simple average, and the regime changes: a change counts when five
 * closes in a row are on the other side of the average (docs/engine.md), dated on the first.
 */
function independentTrend(a: Bar[], b: Bar[], period: number, from: string) {
  const closesB = new Map(b.map((bar) => [bar.day, bar.close]));
  const common = a.filter((bar) => closesB.has(bar.day));
  const ratio = common.map((bar) => bar.close / (closesB.get(bar.day) as number));
  // Signed closes (off the average) in order; then runs of equal sign.
  const signed: { day: string; sign: number }[] = [];
  for (let i = period - 1; i < ratio.length; i++) {
    let sum = 0;
    for (let j = i - period + 1; j <= i; j++) sum += ratio[j] as number;
    const diff = (ratio[i] as number) - sum / period;
    if (diff !== 0) signed.push({ day: (common[i] as Bar).day, sign: Math.sign(diff) });
  }
  const runs: { day: string; sign: number; length: number }[] = [];
  for (const s of signed) {
    const last = runs.at(-1);
    if (last && last.sign === s.sign) last.length++;
    else runs.push({ day: s.day, sign: s.sign, length: 1 });
  }
  const changes: { day: string; direction: 'up' | 'down' }[] = [];
  let regime = runs[0]?.sign ?? 0;
  for (const run of runs) {
    if (run.sign === regime || run.length < 5) continue;
    regime = run.sign;
    if (run.day >= from) changes.push({ day: run.day, direction: run.sign > 0 ? 'up' : 'down' });
  }
  return { changes, side: regime > 0 ? 'above' : 'below' };
}

describe('rotation on real data', () => {
  let backend: Backend;
  let dir: string;
  async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
    const result = await backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as CallOutput<N>;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'tiltfolio-rotation-'));
    backend = testBackend(dir);
    await call('demo:load', {});
    // One newer file: NVDA runs to 2022-12-29, long after the demo's SPY and RUT stop (2019-02-22).
    await call('quotes:importFile', { fileName: 'NVDA.csv', content: realCsv('NVDA') });
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rut = { kind: 'symbol', symbol: 'RUT' } as const;
  const spy = { kind: 'symbol', symbol: 'SPY' } as const;

  it('compares XLF with SPY only up to XLF’s last close, and says that XLF ends early', async () => {
    const view = await call('rotation:series', { subject: { kind: 'symbol', symbol: 'XLF' }, vs: spy });
    expect(view.stats.from).toBe('2010-02-01');
    expect(view.stats.to).toBe('2018-01-31');
    expect(view.ended).toEqual([{ label: 'XLF', lastDay: '2018-01-31' }]);
    expect(view.notes.join(' ')).toContain('2018-01-31');
    expect(view.stats.vsChangePct).toBeCloseTo(pct(realClose('SPY', '2018-01-31'), realClose('SPY', '2010-02-01')), 9);
    expect(view.ratio.at(-1)?.time).toBe('2018-01-31');
  });

  it('measures SPY from the portfolio’s first day, not from 2008, for “Portfolio vs benchmark / All”', async () => {
    const view = await call('rotation:series', { subject: { kind: 'portfolio' }, vs: spy });
    // The demo's first record is the deposit of 2012-06-01.
    expect(view.stats.from).toBe('2012-06-01');
    expect(view.stats.to).toBe('2019-02-22');
    expect(view.stats.vsChangePct).toBeCloseTo(pct(realClose('SPY', '2019-02-22'), realClose('SPY', '2012-06-01')), 9);
  });

  it('counts 1Y and 5Y back from the last day RUT and SPY share, whatever newer prices the database has', async () => {
    const oneYear = await call('rotation:series', { subject: rut, vs: spy, years: 1 });
    expect(oneYear.stats).toMatchObject({ from: '2018-02-22', to: '2019-02-22' });
    expect(oneYear.stats.changePct).toBeCloseTo(pct(realClose('RUT', '2019-02-22'), realClose('RUT', '2018-02-22')), 9);
    const fiveYears = await call('rotation:series', { subject: rut, vs: spy, years: 5 });
    // 2014-02-22 is a Saturday: the range starts on the next common day.
    expect(fiveYears.stats).toMatchObject({ from: '2014-02-24', to: '2019-02-22' });
    expect(fiveYears.price).toHaveLength(realBars('RUT').filter((b) => b.day >= '2014-02-24').length);
  });

  it('warms the relative-strength average up before the range: its regime changes from the first day shown', async () => {
    const view = await call('rotation:series', { subject: rut, vs: spy, from: '2018-02-22', average: 50 });
    expect(view.ratioAverage[0]?.time).toBe('2018-02-22');
    const expected = independentTrend(realBars('RUT'), realBars('SPY'), 50, '2018-02-22');
    expect(view.regimeChanges.map((c) => ({ day: c.time, direction: c.direction }))).toEqual(expected.changes);
    // At least one change falls in the first 50 days, which an average started on the range misses.
    expect(expected.changes.some((c) => c.day < '2018-05-04')).toBe(true);
  });

  it('gives one trend verdict by one definition: the side of the average on the last day, since the last change', async () => {
    const view = await call('rotation:series', { subject: rut, vs: spy, years: 5, average: 50 });
    const expected = independentTrend(realBars('RUT'), realBars('SPY'), 50, '2014-02-24');
    expect(view.trend).toEqual({ side: expected.side, since: expected.changes.at(-1)?.day ?? null });
    expect(view.regimeChanges.at(-1)?.direction).toBe(expected.side === 'above' ? 'up' : 'down');
  });

  it('leaves the benchmark, empty sleeves and weeks before a holding was bought off the rotation graph', async () => {
    const sleeves = ['large_cap_tech', 'financials', 'small_caps', 'other'].map((sleeve) => ({
      kind: 'sleeve',
      sleeve,
    }));
    const members = [...sleeves, spy, { kind: 'symbol', symbol: 'AXP' }, rut];
    // Up to 2015-12-31: SPY (the "other" sleeve) was bought on 2014-01-02 and AXP on 2015-08-24.
    const rrg = await call('rotation:rrg', { benchmark: spy, members, tail: 52, to: '2015-12-31' });
    const keys = rrg.members.map((m) => m.key);
    expect(keys).not.toContain('SPY');
    const axp = rrg.members.find((m) => m.key === 'AXP');
    expect(axp?.tail[0]?.day).toBe('2015-08-28'); // the Friday of the week it was bought
    expect(axp?.tail.every((p) => p.day >= '2015-08-24')).toBe(true);
    expect(rrg.members.find((m) => m.key === 'RUT')?.tail).toHaveLength(52);
    // Before 2014 the "other" sleeve holds nothing: it has no weeks to show.
    const early = await call('rotation:rrg', { benchmark: spy, members: sleeves, tail: 52, to: '2013-12-31' });
    expect(early.members.map((m) => m.key)).toEqual(['large_cap_tech', 'financials', 'small_caps']);
  });

  it('writes no rotation export rows for what was not there', async () => {
    const result = await backend.dispatch('csv:export', { kind: 'rotation', asOf: '2015-12-31' });
    if (!result.ok) throw new Error(result.error.message);
    const lines = (result.value as { content: string }).content.trim().split('\n').slice(1);
    const rows = lines.map((line) => line.split(','));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r[0] === 'SPY')).toBe(false);
    const axpDays = rows.filter((r) => r[0] === 'AXP').map((r) => r[3] as string);
    expect(axpDays.length).toBeGreaterThan(0);
    expect(axpDays.every((d) => d >= '2015-08-24')).toBe(true);
    const otherDays = rows.filter((r) => r[0]?.startsWith('Other')).map((r) => r[3] as string);
    expect(otherDays.every((d) => d >= '2014-01-02')).toBe(true);
  });
});
