// Issue 21, item 1: another process (the CLI beside the app) holds the database's write lock.
// Before the writer's queue, each write blocked this thread for the 5 s busy timeout and then
// failed "database is locked" as an internal error, with the reads queued behind it. Now reads are
// answered meanwhile, writes wait their turn without holding up the thread and land in the order
// asked once the lock is free, and a write that waits past its bound answers `busy`, having
// written nothing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/contract';
import { holdWriteLock, OTHER_PROCESS_ACCOUNT, type LockHolder } from '../db/test-support/lock-holder';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import type { Backend } from './backend';

const WRITES = 20;

describe('writes while another process holds the write lock', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function setUp(writeWaitMs: number): Promise<{ backend: Backend; holder: LockHolder }> {
    const dataDir = path.join(tempDir(), 'data');
    const backend = testBackend(dataDir, { writeWaitMs });
    await backend.backups.opened;
    const holder = await holdWriteLock(path.join(dataDir, 'tiltfolio.sqlite'));
    cleanups.push(() => backend.close(), holder.kill);
    return { backend, holder };
  }

  /** The calls' answers, and whether each had settled when asked. */
  function track(calls: Promise<ApiResult<unknown>>[]) {
    const settled = calls.map(() => false);
    calls.forEach((call, i) => void call.finally(() => (settled[i] = true)));
    return { settled: () => settled.filter(Boolean).length, all: () => Promise.all(calls) };
  }

  it(
    'answers reads meanwhile, and writes the queued calls in the order asked once the lock is free',
    { timeout: 120_000 },
    async () => {
      const { backend, holder } = await setUp(60_000);
      const names = Array.from({ length: WRITES }, (_, i) => `Queued ${String(i).padStart(2, '0')}`);
      const writes = track([
        ...names.slice(0, WRITES / 2).map((name) => backend.dispatch('accounts:create', { name, currency: 'EUR' })),
        backend.dispatch('csv:import', {
          fileName: 'small.csv',
          content:
            'date,account,type,symbol,quantity,price,fee,amount,currency,note\n2025-12-30,Imported,deposit,,,,,12.34,USD,from a file\n',
        }),
        ...names.slice(WRITES / 2).map((name) => backend.dispatch('accounts:create', { name, currency: 'EUR' })),
      ]);

      // Reads answer from the last commit while the writes wait: the other process's account is
      // not there yet, nor any of ours.
      const accounts = await backend.dispatch('accounts:list', {});
      expect(accounts).toMatchObject({ ok: true, value: [] });
      expect(await backend.dispatch('portfolio:summary', {})).toMatchObject({
        ok: true,
        value: { accounts: 0, transactions: 0 },
      });
      // A timer fires too: the thread is not held while the writes wait for the lock.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writes.settled()).toBe(0);

      await holder.release();
      const answers = await writes.all();
      for (const answer of answers) expect(answer, JSON.stringify(answer).slice(0, 800)).toMatchObject({ ok: true });
      expect(answers[WRITES / 2]).toMatchObject({
        value: { added: 1, committed: true, accountsCreated: ['Imported'] },
      });

      // Exactly what was asked, in the order asked: the other process's account first (it held the
      // lock), then ours by ascending id, the import's account where the import was queued.
      const listed = await backend.dispatch('accounts:list', {});
      if (!listed.ok) throw new Error(listed.error.message);
      const byId = [...(listed.value as { id: number; name: string }[])].sort((a, b) => a.id - b.id).map((a) => a.name);
      expect(byId).toEqual([
        OTHER_PROCESS_ACCOUNT,
        ...names.slice(0, WRITES / 2),
        'Imported',
        ...names.slice(WRITES / 2),
      ]);
      const rows = await backend.dispatch('transactions:list', {});
      expect(rows).toMatchObject({
        ok: true,
        value: { total: 1, rows: [{ account: 'Imported', amount: '12.34', note: 'from a file' }] },
      });
    },
  );

  it(
    'answers `busy` when the lock does not come within the wait, with nothing written',
    { timeout: 120_000 },
    async () => {
      const { backend, holder } = await setUp(400);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      cleanups.push(() => clearInterval(timer));
      const answers = await Promise.all([
        backend.dispatch('accounts:create', { name: 'Too late', currency: 'EUR' }),
        backend.dispatch('settings:set', { baseCurrency: 'EUR' }),
        backend.dispatch('csv:import', {
          fileName: 'small.csv',
          content:
            'date,account,type,symbol,quantity,price,fee,amount,currency,note\n2025-12-30,Imported,deposit,,,,,12.34,USD,\n',
        }),
      ]);
      clearInterval(timer);
      for (const answer of answers) {
        expect(answer).toMatchObject({
          ok: false,
          error: { code: 'busy', message: expect.stringMatching(/another Tiltfolio process.*Nothing was changed/) },
        });
      }
      // The timer kept firing while the writes waited for the lock.
      expect(ticks).toBeGreaterThan(1);

      await holder.release();
      expect(await backend.dispatch('accounts:list', {})).toMatchObject({
        ok: true,
        value: [{ name: OTHER_PROCESS_ACCOUNT }],
      });
      expect(await backend.dispatch('settings:get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'USD' } });
      expect(await backend.dispatch('transactions:list', {})).toMatchObject({ ok: true, value: { total: 0 } });
      // And once it is free, the same call goes through.
      expect(await backend.dispatch('accounts:create', { name: 'In time', currency: 'EUR' })).toMatchObject({
        ok: true,
      });
    },
  );
  it(
    'queues the exchange-rate, instrument and quote-file writes too, and lands them in order once it is free',
    { timeout: 120_000 },
    async () => {
      const { backend, holder } = await setUp(60_000);
      const ecb = 'Date,USD,GBP,\n2016-11-15,1.0765,0.86638,\n2016-11-14,1.0777,0.85985,\n';
      const prices =
        'Date,Open,High,Low,Close,Adj Close,Volume\n2016-11-14,107.71,107.81,104.08,105.71,99.5,51175500\n2016-11-15,106.57,107.68,106.16,107.11,100.8,32264500\n';
      const writes = track([
        backend.dispatch('accounts:create', { name: 'Depot', currency: 'USD' }),
        backend.dispatch('transactions:create', {
          date: '2016-11-14',
          account: 'Depot',
          type: 'buy',
          symbol: 'AAPL',
          quantity: '10',
          price: '105.71',
          fee: '1',
          currency: 'USD',
        }),
        backend.dispatch('instruments:update', { symbol: 'AAPL', name: 'Apple Inc.', currency: 'USD' }),
        backend.dispatch('fx:importFiles', { files: [{ fileName: 'ecb.csv', content: ecb }] }),
        backend.dispatch('fx:setManualRate', { base: 'EUR', quote: 'USD', day: '2016-11-14', rate: '1.0780' }),
        backend.dispatch('fx:deletePair', { base: 'EUR', quote: 'GBP' }),
        backend.dispatch('quotes:importFile', { fileName: 'AAPL.csv', content: prices, symbol: 'AAPL' }),
      ]);

      // Reads answer meanwhile; no write has landed or failed.
      expect(await backend.dispatch('fx:pairs', {})).toMatchObject({ ok: true, value: [] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writes.settled()).toBe(0);

      await holder.release();
      const answers = await writes.all();
      for (const answer of answers) expect(answer, JSON.stringify(answer).slice(0, 800)).toMatchObject({ ok: true });
      // In the order asked: the pair imported before it was deleted (two rates), the instrument
      // created by the buy before it was renamed.
      expect(answers[5]).toMatchObject({ value: { base: 'EUR', quote: 'GBP', deleted: 2 } });
      expect(backend.store.fxRates.all().map((r) => [r.base, r.quote, r.day, r.rate, r.source])).toEqual([
        ['EUR', 'USD', '2016-11-14', '1.0780', 'manual'],
        ['EUR', 'USD', '2016-11-15', '1.0765', 'ecb'],
      ]);
      expect(await backend.dispatch('instruments:list', {})).toMatchObject({
        ok: true,
        value: [{ symbol: 'AAPL', name: 'Apple Inc.', currency: 'USD' }],
      });
      expect(backend.quotes.history('AAPL').map((bar) => [bar.day, bar.close])).toEqual([
        ['2016-11-14', 105.71],
        ['2016-11-15', 107.11],
      ]);
    },
  );
});
