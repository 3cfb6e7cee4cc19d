// `tiltfolio signals` on the demo portfolio over November 2016: the rotation into financials and
// small caps shows up as dated events, the same as the app's call.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import { callOk, testBackend } from '../test-support/backend';
import { realBars } from '../test-support/real-quotes';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

const tempDir = useTempDirs();

describe('tiltfolio signals', () => {
  it('lists the financials and small-cap events of November 2016 on the demo', async () => {
    const dir = tempDir();
    const backend = testBackend(dir);
    await callOk(backend, 'demo:load', {});
    const fromApp = await callOk(backend, 'portfolio:signals', { from: '2016-11-01', to: '2016-11-30' });
    backend.close();
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    const db = path.join(dir, 'tiltfolio.sqlite');
    expect(await runCli(['--db', db, 'signals', '--from', '2016-11-01', '--to', '2016-11-30', '--json'], io)).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out) as CallOutput<'portfolio:signals'>;
    expect(json).toEqual(fromApp);
    const about = (subject: RegExp) => json.signals.filter((s) => subject.test(s.subject));
    expect(about(/^(JPM|GS|AXP|Financials)/).length).toBeGreaterThan(0);
    expect(about(/^(RUT|Small caps)/).length).toBeGreaterThan(0);
    // RUT's new 52-week high: the first November close above every close of the year before,
    // found here from the real file.
    const rut = realBars('RUT');
    const first = rut.find((bar) => {
      if (bar.day < '2016-11-01') return false;
      const yearBefore = new Date(Date.parse(`${bar.day}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
      return bar.close > Math.max(...rut.filter((b) => b.day < bar.day && b.day >= yearBefore).map((b) => b.close));
    });
    expect(json.signals.find((s) => s.subject === 'RUT' && s.kind === 'high_52w')?.date).toBe(first?.day);
    expect(json.signals.map((s) => s.date)).toEqual([...json.signals.map((s) => s.date)].sort());
    expect(json.signals.every((s) => s.date >= '2016-11-01' && s.date <= '2016-11-30')).toBe(true);

    out = '';
    expect(await runCli(['--db', db, 'signals', '--from', '2016-11-01', '--to', '2016-11-30'], io)).toBe(0);
    expect(out.split('\n')[0]).toBe(`2016-11-01 – 2016-11-30, against SPY: ${json.signals.length} signals`);
  });
});
