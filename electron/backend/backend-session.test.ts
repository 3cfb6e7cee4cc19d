// The session protocol between a host and its backend, over a real MessageChannel (so every
// message is structured-cloned as between threads and processes), with the real backend.
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import type { ChosenFile } from '../csv/csv-service';
import { connectBackend, type SessionHooks } from './backend-session';
import { serveBackend } from './serve-backend';
import type { FromBackend, SessionOptions, ToBackend } from './session-protocol';

function session(dataDir: string, hooks: Partial<SessionHooks> = {}, fileDialogs = false) {
  const { port1, port2 } = new MessageChannel();
  let ended = false;
  serveBackend(
    {
      post: (message, transfer) => port2.postMessage(message, transfer),
      listen: (handler) => port2.on('message', (message: ToBackend) => handler(message)),
    },
    () => port2.close(),
  );
  const options: SessionOptions = {
    dataDir,
    dbPath: path.join(dataDir, 'tiltfolio.sqlite'),
    version: '9.9.9-test',
    // The app's mode when the host has dialogs: browser mode refuses csv:openFile.
    mode: fileDialogs ? 'electron' : 'browser',
    runtime: 'session test',
    fileDialogs,
  };
  const backend = connectBackend(
    {
      post: (message, transfer) => port1.postMessage(message, transfer),
      listen: (handler) => port1.on('message', (message: FromBackend) => handler(message)),
    },
    options,
    {
      end: () => {
        ended = true;
        port1.close();
      },
      ...hooks,
    },
  );
  return { backend, ended: () => ended };
}

describe('backend session', () => {
  const tempDir = useTempDirs();

  it('answers calls sent before the backend has opened, validated by the dispatcher over there', async () => {
    const { backend, ended } = session(path.join(tempDir(), 'data'));
    const early = backend.dispatch('app:info', {});
    expect(await early).toMatchObject({ ok: true, value: { mode: 'browser', runtime: 'session test' } });
    expect(await backend.dispatch('accounts:create', { name: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await backend.dispatch('no:such', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    await backend.close();
    expect(ended()).toBe(true);
  });

  it('hands events to subscribers and parses JSON bodies in the backend', async () => {
    const { backend } = session(path.join(tempDir(), 'data'));
    const seen: unknown[] = [];
    const off = backend.events.subscribe((name, payload) => seen.push([name, payload]));
    const body = Buffer.from(JSON.stringify({ name: 'Moved', currency: 'USD' }));
    // Answered as the JSON text an HTTP answer carries, with what its status is told from.
    const created = await backend.dispatchJson('accounts:create', body);
    expect(created.ok).toBe(true);
    expect(JSON.parse(created.text)).toMatchObject({ ok: true, value: { name: 'Moved' } });
    const refused = await backend.dispatchJson('accounts:list', Buffer.from('{nope'));
    expect(refused).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(JSON.parse(refused.text)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'body is not valid JSON' },
    });
    expect(seen).toEqual([['data:changed', { scope: 'accounts' }]]);
    off();
    await backend.close();
  });

  it("asks the host's file chooser, and reports a chooser that fails", async () => {
    const dir = tempDir();
    const asked: unknown[] = [];
    let answer: () => Promise<ChosenFile | null> = () => Promise.resolve(null);
    const { backend } = session(
      path.join(dir, 'data'),
      {
        chooseFile: (request) => {
          asked.push(request);
          return answer();
        },
      },
      true,
    );
    expect(await backend.dispatch('csv:openFile', {})).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(asked).toEqual([{ purpose: 'import', keep: true }]);
    answer = () => Promise.reject(new Error('no display'));
    expect(await backend.dispatch('csv:openFile', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: 'no display' },
    });
    await backend.close();
  });

  it('fails the calls still waiting when the backend is lost, and every call after', async () => {
    const { backend } = session(path.join(tempDir(), 'data'));
    await backend.opened;
    const waiting = backend.dispatch('portfolio:summary', {});
    backend.lost('The backend stopped (exit code 9).');
    expect(await waiting).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The backend stopped (exit code 9).' },
    });
    expect(await backend.dispatch('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    await backend.close();
  });

  it('reports a database that cannot be opened through `opened` and every call', async () => {
    const dir = tempDir();
    // A folder where the database file should be: SQLite cannot open it.
    const { backend } = session(dir);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'tiltfolio.sqlite'));
    await expect(backend.opened).rejects.toThrow();
    expect(await backend.dispatch('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    await backend.close();
  });
});
