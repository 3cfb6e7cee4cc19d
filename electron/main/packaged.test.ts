// The installed app (`app.isPackaged`) with TILTFOLIO_SQLITE_BINDING set in its environment: that
// variable is for `npm start` only, and an installed app must not load native code it names.
import fs from 'node:fs';
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
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-packaged-'));
// Not a native module at all: loading it would fail the database's opening.
const planted = path.join(dataDir, 'planted.node');
fs.writeFileSync(planted, 'not a native module');
double.runInUtilityProcess((child) => serveOverParentPort(child.parentPort));

describe('the installed app ignores TILTFOLIO_SQLITE_BINDING', () => {
  beforeAll(async () => {
    double.electron.app.isPackaged = true;
    process.env.TILTFOLIO_DATA_DIR = dataDir;
    process.env.TILTFOLIO_SQLITE_BINDING = planted;
    await import('./index');
    double.ready();
    await vi.waitFor(() => expect(record.windows.length + record.errorBoxes.length).toBeGreaterThan(0));
  });
  afterAll(async () => {
    const quit = { preventDefault: vi.fn() };
    for (const handler of record.appListeners.get('will-quit') ?? []) handler(quit);
    await vi.waitFor(() => expect(record.utilityProcesses[0]?.killed).toBe(true));
    delete process.env.TILTFOLIO_DATA_DIR;
    delete process.env.TILTFOLIO_SQLITE_BINDING;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens its database with its own better-sqlite3, not the planted module', async () => {
    expect(record.errorBoxes).toEqual([]);
    expect(record.exitCodes).toEqual([]);
    expect(record.windows).toHaveLength(1);
    const handler = record.ipcHandlers.get('app:info');
    const info = await handler?.({ senderFrame: { url: 'app://tiltfolio/index.html', parent: null } }, {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir } });
  });

  it('does not pass the variable on to the backend process', () => {
    const env = record.utilityProcesses[0]?.options.env as Record<string, string | undefined>;
    expect(env.TILTFOLIO_DATA_DIR).toBe(dataDir);
    expect(Object.keys(env)).not.toContain('TILTFOLIO_SQLITE_BINDING');
  });
});
