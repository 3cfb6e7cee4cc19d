// A backend wired to a fake quote server, with the clock fixed and backoff sleeps recorded
// instead of spent.
import path from 'node:path';
import { afterEach } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/api/contract';
import type { ProviderId } from '../../../shared/quotes/types';
import { createBackend, type Backend } from '../../backend/backend';
import { scratchDir } from '../../db/test-support/scratch';
import type { HttpPolicy } from '../http';
import type { RefreshTuning } from '../refresh';
import { startFakeQuoteServer, type FakeQuoteServer, type FakeSeries } from './fake-quote-server';

export interface Harness {
  backend: Backend;
  server: FakeQuoteServer;
  events: { name: EventName; payload: EventPayload<EventName> }[];
  progress: () => EventPayload<'quotes:progress'>[];
  sleeps: number[];
  dbPath: string;
}

const open: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

/** Just after the last fixture day (Friday 2019-02-22). */
export const TEST_NOW = new Date('2019-02-25T12:00:00Z');

export async function startHarness(
  options: {
    provider?: ProviderId;
    http?: Partial<HttpPolicy>;
    tuning?: Partial<RefreshTuning>;
    series?: Map<string, FakeSeries>;
    now?: () => Date;
    /** How long a write waits for the lock before answering busy (electron/db/store.ts). */
    writeWaitMs?: number;
  } = {},
): Promise<Harness> {
  const server = await startFakeQuoteServer(options.series ? { series: options.series } : {});
  const dir = scratchDir();
  const dbPath = path.join(dir, 'tiltfolio.sqlite');
  const sleeps: number[] = [];
  const backend = createBackend({
    dataDir: dir,
    dbPath,
    version: 'test',
    mode: 'cli',
    runtime: 'test',
    now: options.now ?? (() => TEST_NOW),
    writeWaitMs: options.writeWaitMs,
    quotes: {
      http: {
        timeoutMs: 2000,
        attempts: 3,
        backoffMs: (attempt) => 100 * attempt,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...options.http,
      },
      tuning: { concurrency: 2, ...options.tuning },
    },
  });
  open.push(async () => {
    backend.close();
    await server.close();
  });
  await backend.handlers['settings:set']({
    quoteProvider: options.provider ?? 'yahoo',
    yahooBaseUrl: server.baseUrl,
    stooqBaseUrl: server.baseUrl,
  });
  const events: Harness['events'] = [];
  backend.events.subscribe((name, payload) => events.push({ name, payload }));
  return {
    backend,
    server,
    events,
    progress: () =>
      events.filter((e) => e.name === 'quotes:progress').map((e) => e.payload as EventPayload<'quotes:progress'>),
    sleeps,
    dbPath,
  };
}
