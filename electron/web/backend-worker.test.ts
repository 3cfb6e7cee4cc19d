// Browser mode's backend runs in a worker thread: during a large import (500,000 rows under
// TILTFOLIO_SOAK=1, near the 32 MB a browser-mode upload may carry; 100,000 otherwise) the HTTP host keeps answering other calls, which the
// worker serves between the import's batches. Measured by how many calls are answered while the
// import runs and how evenly: no silence longer than a quarter of the import itself (a ratio
// within one run, not a wall-time figure the machine's load could break).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/contract';
import type { ImportResult } from '../../shared/api/csv-schemas';
import { writeTransactionsCsv } from '../csv/bench/generate-transactions';
import type { BackendSession } from '../backend/backend-session';
import { useTempDirs } from '../test-support/temp-dir';
import { startBackendWorker } from './backend-worker';
import { startHost, type RunningHost } from './host';
import { buildBackendBundle, listen, post as postWith, removeBundle } from './test-support/worker-host';

const SOAK = process.env.TILTFOLIO_SOAK === '1';
const ROWS = SOAK ? 500_000 : 100_000;
/** Calls that must be answered while the import runs (in proportion to its rows). */
const MIN_ANSWERS = (ROWS / 100_000) * 20;
/** The longest stretch without an answer, as a share of the import's duration. */
const MAX_SILENCE_SHARE = 0.25;

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const post = (host: RunningHost, name: string, body: string) => postWith(host, name, body, agent);

describe(`browser mode's backend worker during a ${ROWS.toLocaleString('en-US')}-row import`, () => {
  const tempDir = useTempDirs();
  let bundle: string;

  beforeAll(async () => {
    bundle = await buildBackendBundle('backend-worker');
  }, 120_000);
  afterAll(() => {
    removeBundle(bundle);
    agent.destroy();
  });

  it(
    'keeps answering other calls, streams the import progress, and closes its database',
    { timeout: SOAK ? 1_200_000 : 300_000 },
    async () => {
      const dir = tempDir();
      const dataDir = path.join(dir, 'data');
      const rendererDir = path.join(dir, 'renderer');
      fs.mkdirSync(rendererDir, { recursive: true });
      fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>T</title>');
      const file = path.join(dir, 'transactions.csv');
      writeTransactionsCsv(file, ROWS, 14);
      const upload = JSON.stringify({ fileName: 'transactions.csv', content: fs.readFileSync(file, 'utf8') });
      fs.rmSync(file);

      const backend: BackendSession = startBackendWorker(bundle, {
        dataDir,
        dbPath: path.join(dataDir, 'tiltfolio.sqlite'),
        version: '9.9.9-test',
        mode: 'browser',
        runtime: 'vitest worker',
      });
      await backend.opened;
      const host = await startHost({ backend, rendererDir });
      const events = listen(host);
      try {
        expect(JSON.parse((await post(host, 'app:info', '{}')).body)).toMatchObject({
          ok: true,
          value: { mode: 'browser', runtime: 'vitest worker' },
        });

        let importing = true;
        const started = performance.now();
        let ended = started;
        const imported = post(host, 'csv:import', upload).finally(() => {
          importing = false;
          ended = performance.now();
        });
        // One call after another, as a page polls: each is timed from request to answer.
        const latencies: number[] = [];
        const answeredAt: number[] = [];
        const names = ['app:info', 'accounts:list', 'portfolio:summary', 'csv:presets'];
        while (importing) {
          const name = names[latencies.length % names.length] as string;
          const start = performance.now();
          const reply = await post(host, name, '{}');
          const elapsed = performance.now() - start;
          expect(reply.status, `${name}: ${reply.body.slice(0, 200)}`).toBe(200);
          if (importing) {
            latencies.push(elapsed);
            answeredAt.push(start + elapsed);
          }
        }
        const done = await imported;
        const result = JSON.parse(done.body) as ApiResult<ImportResult>;
        expect(result, done.body.slice(0, 500)).toMatchObject({ ok: true, value: { added: ROWS, committed: true } });

        const sorted = [...latencies].sort((a, b) => a - b);
        const moments = [started, ...answeredAt, ended];
        const silence = Math.max(...moments.slice(1).map((t, i) => t - (moments[i] as number)));
        const duration = ended - started;
        console.log(
          `backend worker: ${latencies.length} calls answered during a ${duration.toFixed(0)} ms import ` +
            `(median ${sorted[sorted.length >> 1]?.toFixed(1)} ms, longest silence ${silence.toFixed(0)} ms)`,
        );
        expect(latencies.length).toBeGreaterThanOrEqual(MIN_ANSWERS);
        // Answers came all through it: a blocked worker would leave one silence as long as the import.
        expect(silence).toBeLessThanOrEqual(duration * MAX_SILENCE_SHARE);

        // The import's progress and its change reached the page's event stream.
        await expect.poll(() => events.text()).toContain('data: {"scope":"transactions"}');
        expect(events.text()).toMatch(/event: csv:progress\ndata: \{"jobId":"[^"]+","phase":"reading"/);
        expect(JSON.parse((await post(host, 'portfolio:summary', '{}')).body)).toMatchObject({
          ok: true,
          value: { transactions: ROWS },
        });
      } finally {
        events.close();
        await host.close();
        await backend.close();
      }
      // Closed, not abandoned: the last connection's close checkpoints and removes the WAL file.
      expect(fs.existsSync(path.join(dataDir, 'tiltfolio.sqlite-wal'))).toBe(false);
      expect(await backend.dispatch('app:info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    },
  );
});
