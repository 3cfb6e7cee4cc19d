import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/api/contract';
import { scratchDir } from '../db/test-support/scratch';
import { createBackend, type Backend } from './backend';
import { WARM_UP_AFTER_IDLE_MS } from './warm-up';

// The demo's last day.
const NOW = '2019-02-22T12:00:00.000Z';

describe('the series cache in the backend (migration 0009)', () => {
  const opened: Backend[] = [];
  afterEach(() => {
    for (const b of opened.splice(0)) b.close();
  });
  const open = (dir: string, storedAnswers = true) => {
    const backend = createBackend({
      dataDir: dir,
      dbPath: path.join(dir, 'tiltfolio.sqlite'),
      version: 'test',
      mode: 'browser',
      runtime: 'vitest',
      now: () => new Date(NOW),
      storedAnswers,
    });
    opened.push(backend);
    return backend;
  };
  const ok = async (backend: Backend, name: CallName, input: unknown) => {
    const result = await backend.dispatch(name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  const cached = (backend: Backend) =>
    (backend.db.prepare('SELECT symbol FROM series_cache ORDER BY symbol').all() as { symbol: string }[]).map(
      (r) => r.symbol,
    );

  it('stores the series a build read once the calls are done, and the next opening after a change reads them', async () => {
    const dir = scratchDir();
    const backend = open(dir);
    await ok(backend, 'demo:load', {});
    const before = await ok(backend, 'portfolio:holdings', {});
    expect(backend.store.quotes.series.hasUnsaved()).toBe(true);
    expect(cached(backend)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_AFTER_IDLE_MS + 300));
    await backend.store.write(() => undefined);
    expect(backend.store.quotes.series.hasUnsaved()).toBe(false);
    // Every symbol the ledger names that has prices: what the build read.
    const named = backend.db
      .prepare(
        'SELECT DISTINCT t.symbol FROM transactions t JOIN quote_summary q ON q.symbol = t.symbol ORDER BY t.symbol',
      )
      .all() as { symbol: string }[];
    expect(cached(backend)).toEqual(named.map((r) => r.symbol));

    // A change to the ledger leaves the prices' rows standing.
    await ok(backend, 'transactions:create', {
      date: '2018-01-02',
      account: 'Brokerage',
      type: 'deposit',
      amount: '500',
      currency: 'USD',
    });
    const changed = await ok(backend, 'portfolio:holdings', {});
    expect(changed).not.toEqual(before);
    backend.close();
    opened.splice(opened.indexOf(backend), 1);

    const next = open(dir);
    expect(await ok(next, 'portfolio:holdings', {})).toEqual(changed);
    expect(next.store.quotes.series.hasUnsaved()).toBe(false); // each series came from its row
    expect(cached(next)).toEqual(named.map((r) => r.symbol));
  });

  it('after a restore and a new write, answers the data as it now is, not a series or an answer from before the restore', async () => {
    const dir = scratchDir();
    const backend = open(dir);
    await ok(backend, 'demo:load', {});
    const backup = (await ok(backend, 'backup:create', {})) as { name: string };
    // The timeline the restore abandons: a typed price, its series held.
    await ok(backend, 'quotes:setManualPrice', { symbol: 'MSFT', day: '2019-02-21', close: 500 });
    await ok(backend, 'portfolio:holdings', {});
    await ok(backend, 'backup:restore', { name: backup.name });
    // The restored file's timeline: another typed price on the same day.
    await ok(backend, 'quotes:setManualPrice', { symbol: 'MSFT', day: '2019-02-21', close: 50 });
    const holdings = await ok(backend, 'portfolio:holdings', {});
    const fresh = await ok(open(dir, false), 'portfolio:holdings', {});
    expect(holdings).toEqual(fresh);
    expect(backend.store.quotes.closeSeries('MSFT', '0000-01-01', '2019-02-21').closes.at(-1)).toBe(50);
  });
});
