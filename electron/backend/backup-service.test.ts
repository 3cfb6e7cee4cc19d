import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../db/backups';
import type { CallOutput } from '../../shared/api/contract';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

async function ok<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const accountNames = async (backend: Backend) =>
  (await ok<{ name: string }[]>(backend, 'accounts:list', {})).map((a) => a.name).sort();

describe('backup service', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  it('backs up on open when the newest backup is older than a day, and not otherwise', async () => {
    const dir = tempDir();
    const at = (iso: string) => () => new Date(iso);
    backend = testBackend(dir, { now: at('2026-01-02T00:00:00.000Z') });
    await backend.backups.opened;
    backend.close();
    backend = testBackend(dir, { now: at('2026-01-02T20:00:00.000Z') });
    await backend.backups.opened;
    backend.close();
    backend = testBackend(dir, { now: at('2026-01-03T01:00:00.000Z') });
    await backend.backups.opened;
    const list = await ok<CallOutput<'backup:list'>>(backend, 'backup:list', {});
    expect(list.dir).toBe(path.join(dir, 'backups'));
    expect(list.backups.map((b) => [b.reason, b.createdAt])).toEqual([
      ['daily', '2026-01-03T01:00:00.000Z'],
      ['daily', '2026-01-02T00:00:00.000Z'],
    ]);
  });

  it('makes the on-open backup only once calls have stopped for a moment, not while the first screen loads', async () => {
    const dir = tempDir();
    backend = testBackend(dir, { dailyBackup: { idleMs: 150, maxDelayMs: 60_000 } });
    const made = () => listBackups(path.join(dir, 'tiltfolio.sqlite')).map((b) => b.reason);
    // A screen's calls, one every 40 ms for 600 ms: never a quiet 150 ms.
    for (let i = 0; i < 15; i++) {
      await ok(backend, 'accounts:list', {});
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    expect(made()).toEqual([]);
    await vi.waitFor(() => expect(made()).toEqual(['daily']), { timeout: 3_000, interval: 20 });
  });

  it('makes it at the latest maxDelayMs after opening, however busy', async () => {
    const dir = tempDir();
    backend = testBackend(dir, { dailyBackup: { idleMs: 60_000, maxDelayMs: 200 } });
    const made = () => listBackups(path.join(dir, 'tiltfolio.sqlite')).map((b) => b.reason);
    expect(made()).toEqual([]);
    const until = Date.now() + 3_000;
    while (made().length === 0 && Date.now() < until) {
      await ok(backend, 'accounts:list', {});
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(made()).toEqual(['daily']);
  });

  it('keeps the database as it was before an import, and restores it, and undoes the restore', async () => {
    const dir = tempDir();
    backend = testBackend(dir);
    await ok(backend, 'accounts:create', { name: 'Before', currency: 'USD' });
    await ok(backend, 'csv:import', {
      fileName: 'a.csv',
      content: 'date,account,type,amount,currency\n2016-01-04,Imported,deposit,100,USD\n',
    });
    const list = await ok<CallOutput<'backup:list'>>(backend, 'backup:list', {});
    const beforeImport = list.backups.find((b) => b.reason === 'before-import')!;
    // Read independently of the app: the backup holds the account made before, not the import's.
    const copy = new Database(beforeImport.file, { readonly: true });
    expect(copy.prepare(`SELECT name FROM accounts ORDER BY name`).pluck().all()).toEqual(['Before']);
    copy.close();

    const changed: string[] = [];
    backend.events.subscribe((name, payload) => changed.push(`${name}:${(payload as { scope: string }).scope}`));
    const restored = await ok<CallOutput<'backup:restore'>>(backend, 'backup:restore', { name: beforeImport.name });
    expect(await accountNames(backend)).toEqual(['Before']);
    expect(changed).toContain('data:changed:transactions');

    await ok(backend, 'backup:restore', { name: restored.undo.name });
    expect(await accountNames(backend)).toEqual(['Before', 'Imported']);
  });

  it('backs up before deleting a currency pair, and the backup still holds its rates', async () => {
    const dir = tempDir();
    backend = testBackend(dir);
    await ok(backend, 'fx:setManualRate', { base: 'EUR', quote: 'USD', day: '2020-01-02', rate: '1.1215' });
    const deleted = await ok<CallOutput<'fx:deletePair'>>(backend, 'fx:deletePair', { base: 'EUR', quote: 'USD' });
    expect(deleted.deleted).toBe(1);
    const list = await ok<CallOutput<'backup:list'>>(backend, 'backup:list', {});
    const before = list.backups.find((b) => b.reason === 'before-delete');
    expect(before).toBeDefined();
    // Read independently of the app: the copy still has the rate the delete removed.
    const copy = new Database(before!.file, { readonly: true });
    expect(copy.prepare(`SELECT day, rate FROM fx_rates WHERE base = 'EUR' AND quote = 'USD'`).all()).toEqual([
      { day: '2020-01-02', rate: '1.1215' },
    ]);
    copy.close();
  });

  it('takes only a name from the backups list, never a path', async () => {
    backend = testBackend(tempDir());
    const traversal = await backend.dispatch('backup:restore', { name: '../tiltfolio.sqlite.bak' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const absent = await backend.dispatch('backup:restore', {
      name: 'tiltfolio.sqlite.manual.2020-01-01T00-00-00-000Z.bak',
    });
    expect(absent).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('backs up now on request, rotating by the setting', async () => {
    const dir = tempDir();
    let clock = Date.parse('2026-01-02T00:00:00.000Z');
    backend = testBackend(dir, { now: () => new Date((clock += 60_000)) });
    await ok(backend, 'settings:set', { backupKeep: 2 });
    for (let i = 0; i < 4; i++) await ok(backend, 'backup:create', {});
    const list = await ok<CallOutput<'backup:list'>>(backend, 'backup:list', {});
    expect(list.backups.map((b) => b.reason)).toEqual(['manual', 'manual']);
    expect(list.backups[0]!.createdAt > list.backups[1]!.createdAt).toBe(true);
  });
});
