// The app's dialogs reach the backend as a chooser function; these tests stand in for the user and
// for main's handle table (electron/main/file-handles.ts has its own tests, and the wiring test
// runs the two together).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import type { ChosenFile, FileRequest } from './csv-service';

const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note';
const HANDLE = `file-${'ab'.repeat(16)}`;

describe('CSV files through the app dialogs', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  /** The user's answer to a dialog; a kept file is handed out once under HANDLE, as main does. */
  function app(answer: (request: FileRequest) => string | null) {
    const asked: FileRequest[] = [];
    const kept = new Map<string, string>();
    backend = testBackend(tempDir(), {
      mode: 'electron',
      chooseFile: async (request): Promise<ChosenFile | null> => {
        asked.push(request);
        if (request.handle !== undefined) {
          const file = kept.get(request.handle);
          kept.delete(request.handle);
          return file === undefined ? null : { path: file };
        }
        const file = answer(request);
        if (file === null) return null;
        if (!request.keep) return { path: file };
        kept.set(HANDLE, file);
        return { path: file, handle: HANDLE };
      },
    });
    return asked;
  }

  it('opens a chosen file with its start for the preview, whole lines only, and a handle instead of its path', async () => {
    const file = path.join(tempDir(), 'big.csv');
    const line = '2016-01-04,Brokerage,deposit,,,,,1,USD,ünïcode\n';
    fs.writeFileSync(file, HEADER + '\n' + line.repeat(3000));
    app(() => file);
    const opened = await backend.dispatch('csv:openFile', {});
    expect(opened).toMatchObject({ ok: true, value: { cancelled: false, file: HANDLE, fileName: 'big.csv' } });
    // Nothing in the answer names where the file is.
    expect(JSON.stringify(opened)).not.toContain(path.dirname(file));
    const { head, size } = (opened as { value: { head: string; size: number } }).value;
    expect(size).toBe(fs.statSync(file).size);
    expect(Buffer.byteLength(head)).toBeLessThanOrEqual(64 * 1024);
    expect(head.endsWith('ünïcode\n')).toBe(true);
    expect(head.startsWith(HEADER)).toBe(true);

    const imported = await backend.dispatch('csv:importFile', { file: HANDLE, dryRun: true });
    expect(imported).toMatchObject({ ok: true, value: { added: 3000, fileName: 'big.csv' } });
    // Taken once: the same handle again is refused, and says what to do.
    expect(await backend.dispatch('csv:importFile', { file: HANDLE })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/no longer open.*choose it again/) },
    });
  });

  it('imports and exports through the dialogs when no path is given, and reports a cancel', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.csv');
    fs.writeFileSync(input, `${HEADER}\n2016-01-04,Brokerage,deposit,,,,,1,USD,\n`);
    const output = path.join(dir, 'out.csv');
    let cancel = false;
    const asked = app((request) => (cancel ? null : request.purpose === 'import' ? input : output));
    expect(await backend.dispatch('csv:importFile', {})).toMatchObject({ value: { committed: true, added: 1 } });
    expect(await backend.dispatch('csv:exportFile', { kind: 'transactions' })).toMatchObject({
      value: { path: output, rows: 1 },
    });
    expect(asked).toEqual([{ purpose: 'import' }, { purpose: 'export', defaultName: 'tiltfolio-transactions.csv' }]);
    cancel = true;
    expect(await backend.dispatch('csv:openFile', {})).toMatchObject({ value: { cancelled: true, file: null } });
    expect(await backend.dispatch('csv:importFile', {})).toMatchObject({ value: { cancelled: true, added: 0 } });
    expect(await backend.dispatch('csv:exportFile', { kind: 'transactions' })).toMatchObject({ value: { path: null } });
  });

  it('refuses a path from the page in the app, before any file is touched', async () => {
    const dir = tempDir();
    const target = path.join(dir, '.bashrc');
    fs.writeFileSync(target, 'echo original\n');
    const asked = app(() => null);
    for (const [name, input] of [
      ['csv:exportFile', { kind: 'transactions', path: target }],
      ['csv:importFile', { path: '/etc/passwd', dryRun: true }],
      ['csv:importFile', { path: target }],
    ] as const) {
      expect(await backend.dispatch(name, input as never), `${name} ${input.path}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: ['path: not accepted in the app'] },
      });
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('echo original\n');
    expect(asked).toEqual([]);
  });

  it('refuses a handle that was never issued, and a malformed one', async () => {
    app(() => null);
    expect(await backend.dispatch('csv:importFile', { file: `file-${'0'.repeat(32)}` })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await backend.dispatch('csv:importFile', { file: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses paths and dialogs in browser mode', async () => {
    backend = testBackend(tempDir());
    expect(await backend.dispatch('csv:openFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.dispatch('csv:importFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('takes a path in the CLI, which has no dialogs and no handles', async () => {
    const file = path.join(tempDir(), 'in.csv');
    fs.writeFileSync(file, `${HEADER}\n2016-01-04,Brokerage,deposit,,,,,1,USD,\n`);
    backend = testBackend(tempDir(), { mode: 'cli' });
    expect(await backend.dispatch('csv:importFile', { path: file, dryRun: true })).toMatchObject({
      ok: true,
      value: { added: 1 },
    });
    expect(await backend.dispatch('csv:importFile', { file: HANDLE })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
