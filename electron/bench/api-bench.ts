import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../backend/backend';
import { startHost } from '../web/host';
import { median, timeMs, type BenchResult } from './measure';

/** Round trip of one API call through the browser host, as the renderer makes it. */
export async function benchHttpCall(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-bench-'));
  const backend = createBackend({
    dataDir: dir,
    dbPath: path.join(dir, 'db.sqlite'),
    version: 'bench',
    mode: 'browser',
    runtime: 'bench',
  });
  fs.mkdirSync(path.join(dir, 'renderer'));
  const host = await startHost({ backend, rendererDir: path.join(dir, 'renderer') });
  try {
    const call = () =>
      fetch(`http://127.0.0.1:${host.port}/api/call/portfolio:summary`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      }).then((r) => r.json());
    for (let i = 0; i < 50; i++) await call();
    const samples: number[] = [];
    for (let i = 0; i < 500; i++) samples.push(await timeMs(call));
    return { bench: 'api.http_call', value: Number(median(samples).toFixed(3)), unit: 'ms' };
  } finally {
    await host.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
