// Main's system notifications of new signals, with electron replaced by its test double: off by
// default; once on, a quote refresh that brings a signal on the last day shows it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveOverParentPort } from '../backend/utility-port';

const double = await vi.hoisted(async () => {
  const { createElectronDouble } = await import('../test-support/electron-double');
  return createElectronDouble();
});
vi.mock('electron', () => ({ ...double.electron, default: double.electron }));

const { record } = double;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-notify-'));
double.runInUtilityProcess((child) => serveOverParentPort(child.parentPort));
const sqliteBinding = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

async function call(name: string, input: unknown) {
  const handler = record.ipcHandlers.get(name);
  if (!handler) throw new Error(`no handler for ${name}`);
  const result = (await handler({ senderFrame: { url: 'app://tiltfolio/index.html', parent: null } }, input)) as {
    ok: boolean;
    error?: { message: string };
  };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result;
}

describe('signal notifications in the desktop app', () => {
  beforeAll(async () => {
    process.env.TILTFOLIO_DATA_DIR = dataDir;
    process.env.TILTFOLIO_SQLITE_BINDING = sqliteBinding;
    await import('./index');
    double.ready();
    await vi.waitFor(() => expect(record.windows).toHaveLength(1));
  });
  afterAll(async () => {
    const quit = { preventDefault: vi.fn() };
    for (const handler of record.appListeners.get('will-quit') ?? []) handler(quit);
    await vi.waitFor(() => expect(record.utilityProcesses[0]?.killed).toBe(true));
    delete process.env.TILTFOLIO_DATA_DIR;
    delete process.env.TILTFOLIO_SQLITE_BINDING;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows nothing until turned on, then the new day’s signal once', async () => {
    await call('demo:load', {});
    const bar = (day: string, close: number) =>
      `Date,Open,High,Low,Close,Adj Close,Volume\n${day},${close},${close},${close},${close},${close},0\n`;
    // Off (the default): a refresh shows nothing, whatever it brings.
    await call('quotes:importFile', { fileName: 'RUT.csv', content: bar('2019-02-25', 1950) });
    await new Promise((done) => setTimeout(done, 200));
    expect(record.notifications).toEqual([]);

    await call('settings:set', { signalNotifications: true });
    // On: RUT cools to 1,600, then closes at 1,950, over 20 % above its 50-day average (near 1,550).
    await call('quotes:importFile', { fileName: 'RUT.csv', content: bar('2019-02-26', 1600) });
    await call('quotes:importFile', { fileName: 'RUT.csv', content: bar('2019-02-27', 1950) });
    await vi.waitFor(() =>
      expect(record.notifications).toContainEqual({
        title: 'Tiltfolio: RUT',
        body: expect.stringContaining('overheated'),
      }),
    );
  });
});
