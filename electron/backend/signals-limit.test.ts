// portfolio:signals cuts the window's list in the backend: one kind, the newest `limit` of it, and
// how many there are. Checked against the whole list filtered here.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import type { Backend } from './backend';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

type Signals = CallOutput<'portfolio:signals'>;

describe('portfolio:signals, one kind and the newest few', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  it('gives the kind asked for and its newest `limit`, with the count of all of them', async () => {
    backend = testBackend(tempDir());
    await callOk(backend, 'demo:load', {});
    const window = { from: '2016-01-01', to: '2016-12-31' };
    const all = await callOk<Signals>(backend, 'portfolio:signals', window);
    expect(all.total).toBe(all.signals.length);
    expect(all.signals.length).toBeGreaterThan(20);
    const kinds = [...new Set(all.signals.map((s) => s.kind))];
    expect(kinds.length).toBeGreaterThan(1);
    for (const kind of kinds) {
      const ofKind = all.signals.filter((s) => s.kind === kind);
      const cut = await callOk<Signals>(backend, 'portfolio:signals', { ...window, kind, limit: 3 });
      expect(cut.total).toBe(ofKind.length);
      expect(cut.signals).toEqual(ofKind.slice(-3));
    }
    const newest = await callOk<Signals>(backend, 'portfolio:signals', { ...window, limit: 5 });
    expect(newest).toEqual({ ...all, signals: all.signals.slice(-5) });
    // A limit beyond the list gives it whole.
    expect(await callOk<Signals>(backend, 'portfolio:signals', { ...window, limit: 100_000 })).toEqual(all);
  });
});
