import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames } from '../../shared/api/contract';
import { FILE_HANDLE_PATTERN, FILE_HANDLE_TTL_MS } from '../../shared/api/file-handle';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { EXTERNAL_LINKS } from '../../shared/external-links';
import { serveOverParentPort } from '../backend/utility-port';
import { FakeWebContents } from '../test-support/electron-double';

const double = await vi.hoisted(async () => {
  const { createElectronDouble } = await import('../test-support/electron-double');
  return createElectronDouble();
});
vi.mock('electron', () => ({ ...double.electron, default: double.electron }));

const { record } = double;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-wiring-'));
// The utility process runs what dist/backend.cjs runs, over a real MessageChannel.
double.runInUtilityProcess((child) => serveOverParentPort(child.parentPort));
// What `npm start` sets: here the Node build, which this test can load.
const sqliteBinding = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

function invokeEvent(url: string, isSubFrame = false) {
  return { senderFrame: { url, parent: isSubFrame ? {} : null } };
}

async function call(channel: string, input: unknown, url = 'app://tiltfolio/index.html', isSubFrame = false) {
  const handler = record.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(invokeEvent(url, isSubFrame), input);
}

describe('Electron main wiring (electron replaced by a test double)', () => {
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
    // Quitting waits for the backend to close its database, then ends its process.
    expect(quit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(record.utilityProcesses[0]?.killed).toBe(true));
    delete process.env.TILTFOLIO_DATA_DIR;
    delete process.env.TILTFOLIO_SQLITE_BINDING;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sandboxes every renderer and registers app:// as a secure standard scheme', () => {
    expect(record.sandboxEnabled).toBe(true);
    expect(record.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('creates the window with isolated, sandboxed, Node-free preferences and loads it from app://', () => {
    const [window] = record.windows;
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(window?.loadedUrl).toBe('app://tiltfolio/index.html');
  });

  it('runs the backend in a utility process from dist/backend.cjs, with the SQLite binding', () => {
    expect(record.utilityProcesses).toHaveLength(1);
    const [child] = record.utilityProcesses;
    expect(child?.modulePath).toMatch(/backend\.cjs$/);
    expect(child?.options).toMatchObject({
      serviceName: 'Tiltfolio backend',
      env: { TILTFOLIO_SQLITE_BINDING: sqliteBinding },
    });
  });

  it('registers exactly one IPC handler per contract call', () => {
    expect([...record.ipcHandlers.keys()].sort()).toEqual([...callNames].sort());
  });

  it('relays calls to the real backend, whose dispatcher validates them', async () => {
    expect(await call('accounts:create', { name: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('accounts:create', { name: 'A', currency: 'USD' })).toMatchObject({ ok: true });
    expect(await call('app:info', {})).toMatchObject({
      ok: true,
      value: { mode: 'electron', dataDir, version: '0.0.0-double' },
    });
    expect(await call('accounts:list', {})).toMatchObject({ ok: true, value: [{ name: 'A' }] });
  });

  it('refuses calls from any frame but the app page', async () => {
    for (const [url, sub] of [
      ['https://evil.example/', false],
      ['file:///etc/passwd', false],
      ['app://other/index.html', false],
      ['app://tiltfolio/index.html', true],
    ] as const) {
      const result = await call('accounts:create', { name: `X ${url}`, currency: 'USD' }, url, sub);
      // A code of its own: the UI and logs can tell a refused sender from a malformed payload.
      expect(result, url).toMatchObject({ ok: false, error: { code: 'refused_sender' } });
    }
    expect(await call('accounts:list', {})).toMatchObject({ value: [{ name: 'A' }] });
  });

  it('forwards backend push events to the window', async () => {
    await call('accounts:create', { name: 'B', currency: 'EUR' });
    expect(record.windows[0]?.webContents.sent).toContainEqual([
      'tiltfolio:event',
      'data:changed',
      { scope: 'accounts' },
    ]);
  });

  it("answers the backend's requests for a file with main's dialogs, and the page gets a handle, not the path", async () => {
    const file = path.join(dataDir, 'chosen.csv');
    fs.writeFileSync(file, 'date,account,type,symbol,quantity,price,fee,amount,currency,note\n');
    record.dialogAnswers.push(file);
    const opened = await call('csv:openFile', {});
    expect(opened).toMatchObject({
      ok: true,
      value: { cancelled: false, file: expect.stringMatching(FILE_HANDLE_PATTERN), fileName: 'chosen.csv' },
    });
    expect(JSON.stringify(opened)).not.toContain(dataDir);
    expect(record.dialogs.at(-1)).toMatchObject({ kind: 'open', options: { title: 'Import transactions' } });

    const out = path.join(dataDir, 'accounts-export.csv');
    record.dialogAnswers.push(out);
    expect(await call('csv:exportFile', { kind: 'transactions' })).toMatchObject({
      ok: true,
      value: { path: out, rows: 0 },
    });
    expect(record.dialogs.at(-1)).toMatchObject({ kind: 'save' });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^date,account,type/);
  });

  it('reports a cancelled open or save dialog as cancelled, writing nothing', async () => {
    const dialogs = record.dialogs.length;
    record.dialogAnswers.push(null);
    expect(await call('csv:openFile', {})).toEqual({
      ok: true,
      value: { cancelled: true, file: null, fileName: '', size: 0, head: '' },
    });
    record.dialogAnswers.push(null);
    expect(await call('csv:importFile', {})).toMatchObject({ ok: true, value: { cancelled: true, committed: false } });
    record.dialogAnswers.push(null);
    expect(await call('csv:exportFile', { kind: 'transactions' })).toEqual({
      ok: true,
      value: { kind: 'transactions', path: null, rows: 0 },
    });
    expect(record.dialogs.slice(dialogs).map((d) => d.kind)).toEqual(['open', 'open', 'save']);
  });

  it('refuses a path from the page: no file is read or written, and no dialog opens', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-home-'));
    const bashrc = path.join(home, '.bashrc');
    fs.writeFileSync(bashrc, 'export PS1="$ "\n');
    const dialogs = record.dialogs.length;
    for (const [name, input] of [
      ['csv:exportFile', { kind: 'transactions', path: bashrc }],
      ['csv:exportFile', { kind: 'transactions', path: '~/.bashrc' }],
      ['csv:importFile', { path: '/etc/passwd' }],
      ['csv:importFile', { path: '/etc/passwd', dryRun: true, preset: 'tiltfolio' }],
    ] as const) {
      expect(await call(name, input), `${name} ${input.path}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: ['path: not accepted in the app'] },
      });
    }
    expect(fs.readFileSync(bashrc, 'utf8')).toBe('export PS1="$ "\n');
    expect(fs.readdirSync(home)).toEqual(['.bashrc']);
    // `~/.bashrc` was not taken relative to the working folder either.
    expect(fs.existsSync(path.resolve('~'))).toBe(false);
    expect(record.dialogs.length).toBe(dialogs);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('imports the file chosen in the dialog by its handle once; an unknown, used or expired handle is refused', async () => {
    const file = path.join(dataDir, 'one-deposit.csv');
    fs.writeFileSync(
      file,
      'date,account,type,symbol,quantity,price,fee,amount,currency,note\n2016-01-04,Handle,deposit,,,,,100,USD,\n',
    );
    const open = async () => {
      record.dialogAnswers.push(file);
      const opened = await call('csv:openFile', {});
      return (opened as { value: { file: string } }).value.file;
    };
    const handle = await open();
    expect(await call('csv:importFile', { file: handle })).toMatchObject({
      ok: true,
      value: { committed: true, added: 1, fileName: 'one-deposit.csv' },
    });
    const refusedHandle = { ok: false, error: { code: 'not_found', issues: ['file: unknown, used or expired'] } };
    expect(await call('csv:importFile', { file: handle })).toMatchObject(refusedHandle);
    expect(await call('csv:importFile', { file: `file-${'0'.repeat(32)}` })).toMatchObject(refusedHandle);
    // Not a handle at all: the contract's schema refuses it before it reaches main's table.
    expect(await call('csv:importFile', { file: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });

    const late = await open();
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + FILE_HANDLE_TTL_MS + 1);
    try {
      expect(await call('csv:importFile', { file: late })).toMatchObject(refusedHandle);
    } finally {
      clock.mockRestore();
    }
    // The one deposit, imported once.
    const list = await call('transactions:list', { account: 'Handle' });
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('denies navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents();
    for (const handler of record.appListeners.get('web-contents-created') ?? []) handler({}, contents);
    const navigate = (event: string, url: string) => {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', 'app://tiltfolio/index.html')).toBe(false);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // A page the app lists is still no reason to navigate the app's own window to it.
    expect(navigate('will-navigate', EXTERNAL_LINKS.stooq)).toBe(true);
  });

  it('opens a page the app lists in the browser only after the user confirms, and nothing else', async () => {
    const [window] = record.windows;
    const contents = window?.webContents as FakeWebContents;
    // Electron reports the window's contents as created; the double leaves that to the test.
    for (const handler of record.appListeners.get('web-contents-created') ?? []) handler({}, contents);
    const asked = record.messageBoxes.length;
    const opened = record.openedExternally.length;
    const open = (url: string) => contents.windowOpenHandler?.({ url });

    // Refused without a question: not listed, not https, or a listed page in disguise.
    for (const url of [
      'https://evil.example/',
      'http://stooq.com/',
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'https://stooq.com@evil.example/',
      'https://user:pw@stooq.com/',
      'https://stooq.com/q/?s=evil',
      'https://stooq.com.evil.example/',
      'not a url',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(record.messageBoxes.length).toBe(asked);

    // Listed: asked first, with the address shown; "Cancel" opens nothing.
    record.messageBoxAnswers.push(1);
    expect(open(EXTERNAL_LINKS.stooq)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(record.messageBoxes.length).toBe(asked + 1));
    expect(record.messageBoxes.at(-1)).toMatchObject({
      parent: window,
      options: { detail: 'https://stooq.com/', buttons: ['Open in browser', 'Cancel'], cancelId: 1, defaultId: 1 },
    });

    // "Open in browser" opens exactly that page; the same page written without its slash is the same page.
    record.messageBoxAnswers.push(0);
    expect(open('https://STOOQ.com')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(record.openedExternally.length).toBe(opened + 1));
    expect(record.openedExternally.slice(opened)).toEqual(['https://stooq.com/']);
    expect(record.messageBoxes.length).toBe(asked + 2);
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    record.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(record.permissionCheckHandler?.({}, 'notifications')).toBe(false);
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', async () => {
    const { serveRenderer } = await import('./protocol');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-renderer-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<title>app</title>');
    serveRenderer(root);
    const handler = record.protocolHandlers.get('app') as (r: Request) => Promise<Response>;
    const ok = await handler(new Request('app://tiltfolio/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toContain('<title>app</title>');
    // Climbing out of the folder lands back inside it (the app page), never on the real file.
    const escaped = await handler(new Request('app://tiltfolio/%2e%2e/%2e%2e/etc/passwd'));
    expect(await escaped.text()).toBe('<title>app</title>');
    expect((await handler(new Request('app://tiltfolio/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('preload bridge', () => {
  it('exposes one named method per call plus `on`, never ipcRenderer itself', async () => {
    await import('../preload/index');
    const bridge = record.exposed.get('tiltfolio') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...callNames, 'on'].sort());
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
    await bridge['app:info']?.({});
    expect(record.invoked.at(-1)).toEqual(['app:info', {}]);
  });

  it('subscribes only to contract events and can unsubscribe', async () => {
    const bridge = record.exposed.get('tiltfolio') as {
      on: (name: string, listener: (payload: unknown) => void) => () => void;
    };
    expect(() => bridge.on('not-an-event', () => {})).toThrow(/Unknown event/);
    const seen: unknown[] = [];
    const off = bridge.on('data:changed', (payload) => seen.push(payload));
    const emit = (...args: unknown[]) => {
      for (const listener of record.rendererListeners.get('tiltfolio:event') ?? []) listener({}, ...args);
    };
    emit('task:progress', { task: 'x' });
    emit('data:changed', { scope: 'quotes' });
    off();
    emit('data:changed', { scope: 'accounts' });
    expect(seen).toEqual([{ scope: 'quotes' }]);
  });
});
