// What main does when its backend cannot work: a database that cannot be opened (an error box,
// exit code 1, no window), and a backend process that stops while the app runs (an error box,
// quit). Electron is replaced by the test double; the utility process runs in this thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { serveOverParentPort } from '../backend/utility-port';

const double = await vi.hoisted(async () => {
  const { createElectronDouble } = await import('../test-support/electron-double');
  return createElectronDouble();
});
vi.mock('electron', () => ({ ...double.electron, default: double.electron }));

const { record } = double;
double.runInUtilityProcess((child) => serveOverParentPort(child.parentPort));
const dirs: string[] = [];

async function launch(prepare: (dataDir: string) => void): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-main-'));
  dirs.push(dataDir);
  prepare(dataDir);
  process.env.TILTFOLIO_DATA_DIR = dataDir;
  vi.resetModules();
  await import('./index');
  double.ready();
}

describe('main when the backend cannot work', () => {
  afterAll(() => {
    delete process.env.TILTFOLIO_DATA_DIR;
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows why the database cannot be opened, exits with 1 and opens no window', async () => {
    // A folder where the database file should be: SQLite cannot open it.
    await launch((dataDir) => fs.mkdirSync(path.join(dataDir, 'tiltfolio.sqlite')));
    await vi.waitFor(() => expect(record.exitCodes).toEqual([1]));
    expect(record.errorBoxes[0]?.[0]).toBe('Tiltfolio cannot open its database');
    expect(record.windows).toHaveLength(0);
    expect(record.ipcHandlers.size).toBe(0);
    await vi.waitFor(() => expect(record.utilityProcesses[0]?.killed).toBe(true));
  });

  it('says so and quits when the backend process stops while the app runs', async () => {
    await launch(() => {});
    await vi.waitFor(() => expect(record.windows).toHaveLength(1));
    const child = record.utilityProcesses[1];
    const handler = record.ipcHandlers.get('app:info');
    const frame = { senderFrame: { url: 'app://tiltfolio/index.html', parent: null } };
    expect(await handler?.(frame, {})).toMatchObject({ ok: true });

    child?.emit('exit', 139);
    await vi.waitFor(() => expect(record.quits).toBe(1));
    expect(record.errorBoxes.at(-1)).toEqual([
      'Tiltfolio stopped working',
      'The backend process stopped (exit code 139).',
    ]);
    expect(await handler?.(frame, {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    child?.kill();
  });
});
