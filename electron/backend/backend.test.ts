import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

describe('backend', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  it('reports where its database is and starts empty', async () => {
    const dir = tempDir();
    backend = testBackend(dir);
    const info = await backend.dispatch('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { version: '9.9.9-test', dbPath: `${dir}/tiltfolio.sqlite`, schemaVersion: expect.any(Number) },
    });
    expect(await backend.dispatch('portfolio:summary', {})).toEqual({
      ok: true,
      value: { accounts: 0, instruments: 0, transactions: 0, quoteBars: 0, isEmpty: true },
    });
  });

  it('creates an account, announces the change, and keeps it across a reopen', async () => {
    const dir = tempDir();
    backend = testBackend(dir);
    const seen: unknown[] = [];
    backend.events.subscribe((name, payload) => seen.push([name, payload]));

    const created = await backend.dispatch('accounts:create', { name: 'Brokerage', currency: 'USD' });
    expect(created).toEqual({
      ok: true,
      value: { id: 1, name: 'Brokerage', currency: 'USD', createdAt: '2026-01-02T03:04:05.000Z', costMethod: null },
    });
    expect(seen).toEqual([['data:changed', { scope: 'accounts' }]]);

    backend.close();
    backend = testBackend(dir);
    const summary = await backend.dispatch('portfolio:summary', {});
    expect(summary).toMatchObject({ ok: true, value: { accounts: 1, isEmpty: false } });
  });

  it('refuses a second account with the same name in any case, and writes nothing', async () => {
    backend = testBackend(tempDir());
    await backend.dispatch('accounts:create', { name: 'IRA', currency: 'USD' });
    const again = await backend.dispatch('accounts:create', { name: 'ira', currency: 'EUR' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await backend.dispatch('accounts:list', {})).toMatchObject({ ok: true, value: [{ name: 'IRA' }] });
  });
});
