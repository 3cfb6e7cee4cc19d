import http from 'node:http';
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
    expect(other.status).toBe(413);
    expect(await other.json()).toMatchObject({
      ok: false,
      error: { message: 'The request is too large: accounts:create takes at most 2,000 bytes.' },
    });
    const tooBig = await post('csv:import', { fileName: 'huge.csv', content: 'x'.repeat(300_000) });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(
      /^The file is too large to upload: csv:import takes at most 200,000 bytes in browser mode\./,
    );
  });

  it('answers an over-size upload with 413 before the body is sent, from its declared length', async () => {
    await start();
    // 10 MB declared, 1 KB sent: the answer must come without the rest.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/call/csv:import',
        headers: {
          Authorization: `Bearer ${host.token}`,
          'Content-Type': 'application/json',
          'Content-Length': String(10 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('{"fileName":"big.csv","content":"' + 'x'.repeat(1024));
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('at most 200,000 bytes');
  });

  it('stops reading a body sent without a length once it passes the limit', async () => {
    await start();
    let sent = 0;
    const chunk = 'x'.repeat(64 * 1024);
    // Chunked: no length to judge by, so the host reads until it has more than the limit.
    const answer = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/call/csv:import',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const pump = () => {
        // Never more than 4 MB: if the host read it all, the test would see no answer before the end.
        while (sent < 4 * 1024 * 1024 && req.write(chunk)) sent += chunk.length;
        if (sent < 4 * 1024 * 1024) req.once('drain', pump);
      };
      pump();
    });
    expect(answer).toBe(413);
    expect(sent).toBeLessThan(4 * 1024 * 1024);
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
