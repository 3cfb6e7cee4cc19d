import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallName } from '../../shared/api/contract';
import { openStore } from '../db/store';
import { scratchDir } from '../db/test-support/scratch';
import { createBackend, type Backend } from './backend';
import { tiltView } from '../../shared/view/tilt-view';
import type { BackendContext } from './backend-context';
import { createSnapshots } from './portfolio-snapshot';
import { createSettingsStore } from './settings-store';
import { dayRule, decodeAnswer, withStoredAnswersIf } from './stored-answers';

// The demo's last day, a Friday; the day after the weekend has no new closes.
const NOW = '2019-02-22T12:00:00.000Z';

describe('stored answers (opening the app without replaying the ledger)', () => {
  const opened: Backend[] = [];
  afterEach(() => {
    for (const b of opened.splice(0)) b.close();
  });

  function open(dir: string, options: { now?: string; storedAnswers?: boolean; version?: string } = {}): Backend {
    const backend = createBackend({
      dataDir: dir,
      dbPath: path.join(dir, 'tiltfolio.sqlite'),
      version: options.version ?? 'test',
      mode: 'browser',
      runtime: 'vitest',
      now: () => new Date(options.now ?? NOW),
      storedAnswers: options.storedAnswers,
    });
    opened.push(backend);
    return backend;
  }

  function close(backend: Backend): void {
    opened.splice(opened.indexOf(backend), 1);
    backend.close();
  }

  async function ok<T = unknown>(backend: Backend, name: CallName, input: unknown): Promise<T> {
    const result = await backend.dispatch(name, input as never);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  }

  /** What the dashboard and Rotation ask for that needs the engine. */
  async function dashboard(backend: Backend) {
    return {
      holdings: await ok(backend, 'portfolio:holdings', {}),
      performance: await ok(backend, 'portfolio:performance', {}),
      benchmarked: await ok(backend, 'portfolio:performance', { benchmark: 'QQQ' }),
      tilt: await ok(backend, 'portfolio:tilt', {}),
      health: await ok(backend, 'health:check', {}),
      // Rotation's, stored the same way.
      rrg: await ok(backend, 'rotation:rrg', { benchmark: { kind: 'symbol', symbol: 'SPY' } }),
      attribution: await ok(backend, 'portfolio:attribution', {}),
      signals: await ok(backend, 'portfolio:signals', {}),
      series: await ok(backend, 'rotation:series', {
        subject: { kind: 'sleeve', sleeve: 'financials' },
        vs: { kind: 'symbol', symbol: 'SPY' },
      }),
    };
  }

  /** The answers are stored after they have gone: wait for those writes. */
  async function stored(backend: Backend): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await backend.store.write(() => undefined);
  }

  /** A data folder with the demo portfolio (and a euro account, for the rates) whose dashboard was answered and stored. */
  async function primed(
    now?: string,
  ): Promise<{ dir: string; backend: Backend; before: Awaited<ReturnType<typeof dashboard>> }> {
    const dir = scratchDir();
    const backend = open(dir, { now });
    await ok(backend, 'demo:load', {});
    await ok(backend, 'accounts:create', { name: 'Depot', currency: 'EUR' });
    await ok(backend, 'fx:setManualRate', { base: 'EUR', quote: 'USD', day: '2019-01-02', rate: '1.14' });
    await ok(backend, 'transactions:create', {
      date: '2019-01-03',
      account: 'Depot',
      type: 'deposit',
      amount: '10000',
      currency: 'EUR',
    });
    // Lots at two prices and a sale: the cost method decides what is left.
    await ok(backend, 'accounts:create', { name: 'Lots', currency: 'USD' });
    const lots = [
      { date: '2017-03-01', type: 'deposit', amount: '5000' },
      { date: '2017-03-02', type: 'buy', symbol: 'MSFT', quantity: '10', price: '64' },
      { date: '2018-06-01', type: 'buy', symbol: 'MSFT', quantity: '10', price: '100' },
      { date: '2018-12-03', type: 'sell', symbol: 'MSFT', quantity: '5', price: '110' },
    ];
    for (const lot of lots) await ok(backend, 'transactions:create', { account: 'Lots', currency: 'USD', ...lot });
    const before = await dashboard(backend);
    await stored(backend);
    return { dir, backend, before };
  }

  /** Opened afresh twice over the same file: with the stored answers, and replaying everything. */
  async function reopened(dir: string, now?: string) {
    const warm = open(dir, { now });
    const readAll = vi.spyOn(warm.store.transactions, 'all');
    const served = await dashboard(warm);
    const replayed = await dashboard(open(dir, { now, storedAnswers: false }));
    return { warm, served, replayed, replays: readAll.mock.calls.length };
  }

  it('answers the dashboard after a reopening from the stored answers, without reading the ledger', async () => {
    const { dir, backend, before } = await primed();
    close(backend);
    const { served, replayed, replays } = await reopened(dir);
    expect(replays).toBe(0);
    expect(served).toEqual(before);
    expect(served).toEqual(replayed);
  });

  it('stores what the answers were: JSON of each call’s output, read back equal', async () => {
    const { backend, before } = await primed();
    const rows = backend.db.prepare('SELECT call, answer FROM stored_answers ORDER BY call').all() as {
      call: string;
      answer: string;
    }[];
    expect(rows.map((r) => r.call)).toEqual([
      'health:check {}',
      'portfolio:attribution {}',
      'portfolio:holdings {}',
      'portfolio:performance {"period":"ALL","benchmark":"QQQ"}',
      'portfolio:performance {"period":"ALL"}',
      'portfolio:signals {}',
      'portfolio:tilt {}',
      'rotation:rrg {"benchmark":{"kind":"symbol","symbol":"SPY"},"tail":8,"period":"weekly","heldOnly":true,"history":false}',
      'rotation:series {"subject":{"kind":"sleeve","sleeve":"financials"},"vs":{"kind":"symbol","symbol":"SPY"},"average":50,"overview":false}',
    ]);
    const answer = (call: string) => rows.find((r) => r.call.startsWith(call))!.answer;
    expect(decodeAnswer('health:check', answer('health:check'))).toEqual(before.health);
    expect(decodeAnswer('portfolio:holdings', answer('portfolio:holdings'))).toEqual(before.holdings);
    expect(decodeAnswer('portfolio:performance', answer('portfolio:performance {"period":"ALL","benchmark"'))).toEqual(
      before.benchmarked,
    );
    expect(decodeAnswer('portfolio:tilt', answer('portfolio:tilt'))).toEqual(before.tilt);
    expect(decodeAnswer('rotation:rrg', answer('rotation:rrg'))).toEqual(before.rrg);
    expect(decodeAnswer('portfolio:attribution', answer('portfolio:attribution'))).toEqual(before.attribution);
    expect(decodeAnswer('portfolio:signals', answer('portfolio:signals'))).toEqual(before.signals);
    expect(decodeAnswer('rotation:series', answer('rotation:series'))).toEqual(before.series);
    // Only JSON of the call's output is taken.
    expect(decodeAnswer('portfolio:tilt', '{"tilt": ')).toBeUndefined();
    expect(decodeAnswer('portfolio:tilt', answer('portfolio:holdings'))).toBeUndefined();
  });

  // Each change the figures depend on, made after the answers were stored: a backend opened next
  // gives the full replay's figures, which differ from the stored ones (so a stale answer shows).
  const changes: [string, (backend: Backend, dir: string) => Promise<unknown>][] = [
    [
      'a transaction created',
      (b) =>
        ok(b, 'transactions:create', {
          date: '2019-02-01',
          account: 'Brokerage',
          type: 'buy',
          symbol: 'SPY',
          quantity: '3',
          price: '270',
          currency: 'USD',
        }),
    ],
    [
      'a transaction edited',
      async (b) => {
        const { rows } = await ok<{ rows: { id: number; type: string }[] }>(b, 'transactions:list', {});
        const deposit = b.store.transactions.all().find((t) => t.account === 'Depot')!;
        expect(rows.length).toBeGreaterThan(0);
        const { id, ...transaction } = deposit;
        return ok(b, 'transactions:update', { id, transaction: { ...transaction, amount: '20000' } });
      },
    ],
    [
      'a transaction deleted',
      (b) => ok(b, 'transactions:delete', { id: b.store.transactions.all().find((t) => t.account === 'Depot')!.id }),
    ],
    [
      'a CSV import',
      (b) =>
        ok(b, 'csv:import', {
          fileName: 'more.csv',
          content: 'date,account,type,amount,currency\n2019-01-10,Brokerage,deposit,5000,USD\n',
        }),
    ],
    ['an account’s cost method', (b) => ok(b, 'accounts:update', { name: 'Lots', costMethod: 'lifo' })],
    ['a price typed', (b) => ok(b, 'quotes:setManualPrice', { symbol: 'SPY', day: '2019-02-22', close: 300 })],
    [
      'a quotes file imported',
      (b) =>
        ok(b, 'quotes:importFile', {
          fileName: 'MSFT.csv',
          content: 'Date,Open,High,Low,Close,Adj Close,Volume\n2019-02-22,1,1,1,150,150,100\n',
        }),
    ],
    ['a rate typed', (b) => ok(b, 'fx:setManualRate', { base: 'EUR', quote: 'USD', day: '2019-02-01', rate: '1.5' })],
    [
      'an ECB file imported',
      (b) =>
        ok(b, 'fx:importFiles', {
          files: [{ fileName: 'eurofxref-hist.csv', content: 'Date,USD,\n2019-02-20,1.6,\n' }],
        }),
    ],
    ['the base currency', (b) => ok(b, 'settings:set', { baseCurrency: 'EUR' })],
    ['the benchmark', (b) => ok(b, 'settings:set', { benchmarkSymbol: 'QQQ' })],
    [
      'a write by another process (the CLI)',
      async (_b, dir) => {
        const other = openStore(path.join(dir, 'tiltfolio.sqlite'));
        try {
          await other.write(() => other.transactions.remove(other.transactions.all().at(-1)!.id));
        } finally {
          other.close();
        }
      },
    ],
  ];

  it.each(changes)('answers afresh after %s', async (_name, change) => {
    const { dir, backend, before } = await primed();
    await change(backend, dir);
    close(backend);
    const { served, replayed, replays } = await reopened(dir);
    expect(replayed).not.toEqual(before);
    expect(served).toEqual(replayed);
    expect(replays).toBeGreaterThan(0);
  });

  it('does not store an answer of a snapshot from before another process’s write as the answer after it', async () => {
    const { dir, backend, before } = await primed();
    const other = openStore(path.join(dir, 'tiltfolio.sqlite'));
    await other.write(() => other.transactions.remove(other.transactions.all().at(-1)!.id));
    other.close();
    // This backend heard nothing of the write: it still answers from the snapshot it holds…
    expect(await dashboard(backend)).toEqual(before);
    await stored(backend);
    close(backend);
    // …but the next opening does not take that for the data as it now is.
    const { served, replayed } = await reopened(dir);
    expect(replayed).not.toEqual(before);
    expect(served).toEqual(replayed);
  });

  it('labels an answer with the snapshot it came from, when a write lands while the answer awaits', async () => {
    const { dir, backend, before } = await primed();
    backend.db.prepare('DELETE FROM stored_answers').run();
    const settings = createSettingsStore(backend.store.settings);
    const snapshots = createSnapshots(backend.store, backend.events, settings, () => new Date(NOW));
    const host = { version: 'test' } as BackendContext['host'];
    const { store, events } = backend;
    // A handler computes its answer, then a write and its announcement land before it returns.
    const handlers = withStoredAnswersIf(
      true,
      {
        ...backend.handlers,
        'portfolio:tilt': async () => {
          const answer = tiltView(snapshots.get(), settings.get());
          const sale = store.transactions.all().find((t) => t.account === 'Lots' && t.type === 'sell')!;
          await store.write(() => store.transactions.remove(sale.id));
          events.emit('data:changed', { scope: 'transactions' });
          return answer;
        },
      },
      { store, snapshots, settings, now: () => new Date(NOW), host },
      () => undefined,
    );
    expect(await handlers['portfolio:tilt']({})).toEqual(before.tilt);
    await stored(backend);
    close(backend);
    const { served, replayed } = await reopened(dir);
    expect(replayed.tilt).not.toEqual(before.tilt);
    expect(served).toEqual(replayed);
  });

  it('answers on a later morning from the stored answers, the health report saying the new day', async () => {
    // Stored on the Monday after the demo's last close (Friday 2019-02-22): opened again a week later.
    const { dir, backend, before } = await primed('2019-02-25T12:00:00.000Z');
    close(backend);
    const later = '2019-03-04T08:00:00.000Z';
    const { served, replayed, replays } = await reopened(dir, later);
    expect(replays).toBe(0);
    expect(served).toEqual(replayed);
    expect((served.health as { today: string }).today).toBe('2019-03-04');
    expect({ ...served, health: undefined }).toEqual({ ...before, health: undefined });
  });

  it('answers the health report afresh on a later day when its newest price was the stored day’s', async () => {
    // Stored on Friday 2019-02-22, the day of the newest close: the report measured staleness
    // against that day as "today", and a later day measures it against the newest close instead.
    const { dir, backend } = await primed();
    close(backend);
    const warm = open(dir, { now: '2019-03-04T08:00:00.000Z' });
    const readAll = vi.spyOn(warm.store.transactions, 'all');
    await ok(warm, 'portfolio:holdings', {});
    await ok(warm, 'portfolio:performance', {});
    expect(readAll).not.toHaveBeenCalled();
    const health = await ok<{ today: string }>(warm, 'health:check', {});
    expect(readAll).toHaveBeenCalled();
    const fresh = await ok(open(dir, { now: '2019-03-04T08:00:00.000Z', storedAnswers: false }), 'health:check', {});
    expect(health).toEqual(fresh);
  });

  it('answers afresh when the clock is set back', async () => {
    const { dir, backend } = await primed('2019-03-04T12:00:00.000Z');
    close(backend);
    const { served, replayed, replays } = await reopened(dir, '2019-02-25T12:00:00.000Z');
    expect(replays).toBeGreaterThan(0);
    expect(served).toEqual(replayed);
  });

  it('after a restore, answers for the data restored', async () => {
    const { dir, backend, before } = await primed();
    const backup = await ok<{ name: string }>(backend, 'backup:create', {});
    await ok(backend, 'settings:set', { baseCurrency: 'EUR' });
    const changed = await dashboard(backend);
    await stored(backend);
    expect(changed).not.toEqual(before);
    await ok(backend, 'backup:restore', { name: backup.name });
    expect(await dashboard(backend)).toEqual(before);
    close(backend);
    const { served, replayed } = await reopened(dir);
    expect(replayed).toEqual(before);
    expect(served).toEqual(replayed);
  });

  it('ignores a corrupt stored answer, one of another shape and one of another version, and stores it again', async () => {
    const { dir, backend, before } = await primed();
    backend.db.prepare("UPDATE stored_answers SET answer = '{\"rows\": [' WHERE call = 'portfolio:holdings {}'").run();
    backend.db.prepare("UPDATE stored_answers SET answer = '{}' WHERE call = 'portfolio:tilt {}'").run();
    close(backend);
    const { warm, served, replayed } = await reopened(dir);
    expect(served).toEqual(replayed);
    expect(served).toEqual(before);
    await stored(warm);
    const holdings = warm.store.storedAnswers.find('portfolio:holdings {}')!;
    expect(decodeAnswer('portfolio:holdings', holdings.answer)).toEqual(before.holdings);
    close(warm);
    // The app's next version computes its answers again.
    const upgraded = open(dir, { version: 'test-next' });
    const readAll = vi.spyOn(upgraded.store.transactions, 'all');
    expect(await dashboard(upgraded)).toEqual(before);
    expect(readAll).toHaveBeenCalled();
  });

  it('gives a full replay’s figures for an edit made right after a warm opening', async () => {
    const { dir, backend } = await primed();
    close(backend);
    const warm = open(dir);
    const readAll = vi.spyOn(warm.store.transactions, 'all');
    await dashboard(warm);
    expect(readAll).not.toHaveBeenCalled(); // answered from the stored answers: no replay to resume from
    const deposit = warm.store.transactions.all().find((t) => t.account === 'Depot')!;
    const { id, ...transaction } = deposit;
    await ok(warm, 'transactions:update', { id, transaction: { ...transaction, date: '2019-01-04', amount: '12345' } });
    await ok(warm, 'transactions:create', {
      date: '2018-06-01',
      account: 'Brokerage',
      type: 'sell',
      symbol: 'MSFT',
      quantity: '10',
      price: '98',
      currency: 'USD',
    });
    const edited = await dashboard(warm);
    const fresh = await dashboard(open(dir, { storedAnswers: false }));
    expect(edited).toEqual(fresh);
  });
});

describe('dayRule: whether an answer from one day answers on another, the data the same', () => {
  const newest = (day: string | null) => () => day;
  it('holds on its own day, and on a later one while no bar is dated after the day it was computed', () => {
    expect(dayRule('portfolio:holdings', '2019-02-25', '2019-02-25', newest('2019-03-01'))).toBe('same');
    expect(dayRule('portfolio:holdings', '2019-02-25', '2019-03-04', newest('2019-02-22'))).toBe('later');
    expect(dayRule('portfolio:holdings', '2019-02-25', '2019-03-04', newest('2019-02-25'))).toBe('later');
    expect(dayRule('portfolio:holdings', '2019-02-25', '2019-03-04', newest(null))).toBe('later');
    // A bar dated after the stored day (written while the clock said otherwise) counts now.
    expect(dayRule('portfolio:holdings', '2019-02-25', '2019-03-04', newest('2019-02-26'))).toBe('no');
  });
  it('never holds on an earlier day, and the health report only while its newest bar is older than its day', () => {
    expect(dayRule('portfolio:holdings', '2019-03-04', '2019-02-25', newest('2019-02-22'))).toBe('no');
    expect(dayRule('health:check', '2019-02-25', '2019-03-04', newest('2019-02-22'))).toBe('later');
    expect(dayRule('health:check', '2019-02-22', '2019-03-04', newest('2019-02-22'))).toBe('no');
  });
});
