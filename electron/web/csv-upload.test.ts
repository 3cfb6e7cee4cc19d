import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { startHost, type RunningHost } from './host';

describe('browser host CSV upload', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  let host: RunningHost;
  afterEach(async () => {
    await host.close();
    backend.close();
  });

  /** A host whose other calls take 2,000 bytes and whose upload routes take 200,000. */
  async function start() {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'renderer'));
    backend = testBackend(path.join(dir, 'data'));
    host = await startHost({
      backend,
      rendererDir: path.join(dir, 'renderer'),
      maxBodyBytes: 2_000,
      maxUploadBytes: 200_000,
    });
  }

  const post = (name: string, body: unknown) =>
    fetch(`http://127.0.0.1:${host.port}/api/call/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('takes a file upload larger than the limit for other calls', async () => {
    await start();
    const note = 'x'.repeat(5_000);
    const content = `date,account,type,symbol,quantity,price,fee,amount,currency,note\n2016-01-04,B,deposit,,,,,1,USD,${note}\n`;
    const upload = await post('csv:import', { fileName: 'big.csv', content });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toMatchObject({ ok: true, value: { committed: true, added: 1 } });
    const other = await post('accounts:create', { name: note, currency: 'USD' });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ ok: false, error: { message: 'request body over 2000 bytes' } });
    const tooBig = await post('csv:import', { fileName: 'huge.csv', content: 'x'.repeat(300_000) });
    expect(tooBig.status).toBe(400);
  });

  it('takes a quotes file (a quotes export of several symbols) larger than the limit for other calls', async () => {
    await start();
    // 100 days of two symbols, about 4 KB: over the 2,000 bytes other calls may send.
    const days = Array.from({ length: 100 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    const content = ['symbol,date,close', ...['AAA', 'BBB'].flatMap((s) => days.map((d) => `${s},${d},10.5`))].join(
      '\n',
    );
    expect(content.length).toBeGreaterThan(2_000);
    const upload = await post('quotes:importFile', { fileName: 'tiltfolio-quotes.csv', content });
    expect(upload.status).toBe(200);
    expect(await upload.json()).toEqual({
      ok: true,
      value: {
        bars: 200,
        symbols: [
          { symbol: 'AAA', bars: 100 },
          { symbol: 'BBB', bars: 100 },
        ],
      },
    });
  });
});
