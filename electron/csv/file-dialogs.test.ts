// The app's dialogs reach the backend as a chooser function; these tests stand in for the user.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import type { FileRequest } from './csv-service';

const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note';

describe('CSV files through the app dialogs', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  function app(answer: (request: FileRequest) => string | null) {
    const asked: FileRequest[] = [];
    backend = testBackend(tempDir(), {
      mode: 'electron',
      chooseFile: async (request) => {
        asked.push(request);
        return answer(request);
      },
    });
    return asked;
  }

  it('opens a chosen file with its start for the preview, whole lines only', async () => {
    const file = path.join(tempDir(), 'big.csv');
    const line = '2016-01-04,Brokerage,deposit,,,,,1,USD,ünïcode\n';
    fs.writeFileSync(file, HEADER + '\n' + line.repeat(3000));
    app(() => file);
    const opened = await backend.dispatch('csv:openFile', {});
    expect(opened).toMatchObject({ ok: true, value: { cancelled: false, path: file, fileName: 'big.csv' } });
    const { head, size } = (opened as { value: { head: string; size: number } }).value;
    expect(size).toBe(fs.statSync(file).size);
    expect(Buffer.byteLength(head)).toBeLessThanOrEqual(64 * 1024);
    expect(head.endsWith('ünïcode\n')).toBe(true);
    expect(head.startsWith(HEADER)).toBe(true);

    const imported = await backend.dispatch('csv:importFile', { path: file, dryRun: true });
    expect(imported).toMatchObject({ ok: true, value: { added: 3000, fileName: 'big.csv' } });
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
    expect(await backend.dispatch('csv:openFile', {})).toMatchObject({ value: { cancelled: true, path: null } });
    expect(await backend.dispatch('csv:importFile', {})).toMatchObject({ value: { cancelled: true, added: 0 } });
    expect(await backend.dispatch('csv:exportFile', { kind: 'transactions' })).toMatchObject({ value: { path: null } });
  });

  it('refuses paths and dialogs in browser mode', async () => {
    backend = testBackend(tempDir());
    expect(await backend.dispatch('csv:openFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
