// A sleeve index without prices is refused at once: the Rotation screen's other calls, which queue
// behind this one in the backend's one worker, do not wait for a portfolio snapshot it cannot use.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from './backend';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

describe('portfolio:attribution without a sleeve index’s prices', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  it('is refused, naming the index, without replaying the ledger', async () => {
    const dir = tempDir();
    const first = testBackend(dir);
    await callOk(first, 'demo:load', {});
    await callOk(first, 'settings:set', {
      sleeveIndexes: { large_cap_tech: 'IWM', financials: 'XLF', small_caps: 'RUT', other: null },
    });
    first.close();
    backend = testBackend(dir, { storedAnswers: false });
    const readAll = vi.spyOn(backend.store.transactions, 'all');
    const result = await backend.dispatch('portfolio:attribution', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(result.ok ? '' : result.error.message).toContain('no cached prices for IWM');
    expect(readAll).not.toHaveBeenCalled();
  });
});
