// Issue 21, item 1: a quote refresh while another connection (the CLI importing beside the app)
// holds the write lock. Before, the first symbol's write waited out the busy timeout, its log
// entry's write failed the same way and threw out of the job: the refresh was reported "failed,
// 0 updated" while the other symbols' bars were written, with no log entry and no change event.
// Now each symbol is counted by what its write committed.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callOk } from '../test-support/backend';
import { loadFixtures, type FakeSeries } from './test-support/fake-quote-server';
import { startHarness } from './test-support/quote-harness';

const fixtures = loadFixtures();
const barsOf = (symbol: string) => fixtures.get(symbol)!.bars.length;

describe('a refresh while another connection holds the write lock', () => {
  it('reports, logs and announces exactly the symbols it wrote', { timeout: 60_000 }, async () => {
    const h = await startHarness({ writeWaitMs: 300, tuning: { concurrency: 1 } });
    // Another writer on the same file, as the CLI's import would be.
    const other = new Database(h.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      // It lets go once SPY, the first symbol, has given up on the lock: AAPL and XLF then write.
      h.backend.events.subscribe((name, payload) => {
        const progress = payload as { symbol?: string; state?: string };
        if (name === 'quotes:progress' && progress.symbol === 'SPY' && progress.state === 'failed') {
          if (other.inTransaction) other.exec('COMMIT');
        }
      });

      const summary = await h.backend.quotes.startRefresh({ symbols: ['SPY', 'AAPL', 'XLF'] }).done;
      const expectedBars = barsOf('AAPL') + barsOf('XLF');
      expect(summary).toMatchObject({ state: 'done', ok: 2, failed: 1, barsWritten: expectedBars });
      expect(summary.message).toBe(
        `2 of 3 symbols updated, ${expectedBars} bars written; 1 failed (see the refresh log under Import & export).`,
      );

      // What is in the cache is what was reported.
      expect(h.backend.quotes.history('SPY')).toHaveLength(0);
      expect(h.backend.quotes.history('AAPL')).toHaveLength(barsOf('AAPL'));
      expect(h.backend.quotes.history('XLF')).toHaveLength(barsOf('XLF'));

      // One log entry per symbol, SPY's saying the database was busy (written once the lock was free).
      const log = h.backend.quotes.refreshLog(10);
      expect(log.map((entry) => [entry.symbol, entry.outcome, entry.barsWritten]).sort()).toEqual(
        [
          ['AAPL', 'ok', barsOf('AAPL')],
          ['SPY', 'error', 0],
          ['XLF', 'ok', barsOf('XLF')],
        ].sort(),
      );
      expect(log.find((entry) => entry.symbol === 'SPY')!.message).toMatch(/database is busy.*Nothing was changed/);
      expect(h.backend.quotes.refreshStatus().lastJob).toMatchObject({ symbols: 3, ok: 2, failed: 1 });

      // The views heard that quotes changed, and the job's last word matches its summary.
      expect(h.events.filter((e) => e.name === 'data:changed')).toEqual([
        { name: 'data:changed', payload: { scope: 'quotes' } },
      ]);
      expect(h.progress().at(-1)).toMatchObject({ state: 'done', symbolsDone: 3, message: summary.message });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });

  it('names the failures it could not log when the lock never comes back', { timeout: 60_000 }, async () => {
    const h = await startHarness({ writeWaitMs: 200, tuning: { concurrency: 1 } });
    const other = new Database(h.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      const summary = await h.backend.quotes.startRefresh({ symbols: ['SPY', 'AAPL'] }).done;
      expect(summary).toMatchObject({ state: 'failed', ok: 0, failed: 2, barsWritten: 0 });
      expect(summary.message).toContain('the refresh log could not record SPY, AAPL (the database was busy)');
      other.exec('ROLLBACK');
      expect(h.backend.quotes.refreshLog(10)).toEqual([]);
      expect(h.events.filter((e) => e.name === 'data:changed')).toEqual([]);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });
});

// The refresh writes currency pairs through the same per-item step as symbols: each pair's rates
// are counted by what their write committed, and a pair's failure is logged late or named.
describe('a refresh of currency pairs while another connection holds the write lock', () => {
  const rate = (day: string, close: number) => ({
    day,
    open: close,
    high: close,
    low: close,
    close,
    adjClose: close,
    volume: 0,
  });
  const series = new Map<string, FakeSeries>([
    ['EURUSD=X', { bars: [rate('2019-02-21', 1.1346), rate('2019-02-22', 1.1338)], instrumentType: 'CURRENCY' }],
    [
      'USDJPY=X',
      {
        bars: [rate('2019-02-20', 110.8), rate('2019-02-21', 110.7), rate('2019-02-22', 110.69)],
        instrumentType: 'CURRENCY',
      },
    ],
  ]);
  /** A portfolio in USD with a EUR and a JPY account needs EUR/USD and USD/JPY, refreshed in that order. */
  async function twoPairs(writeWaitMs: number) {
    const h = await startHarness({ writeWaitMs, tuning: { concurrency: 1 }, series });
    await callOk(h.backend, 'accounts:create', { name: 'Euro', currency: 'EUR' });
    await callOk(h.backend, 'accounts:create', { name: 'Yen', currency: 'JPY' });
    return h;
  }

  it('counts the rates of the pair that wrote, and logs the other as busy', { timeout: 60_000 }, async () => {
    const h = await twoPairs(300);
    const other = new Database(h.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      h.backend.events.subscribe((name, payload) => {
        const progress = payload as { symbol?: string; state?: string };
        if (name === 'quotes:progress' && progress.symbol === 'EUR/USD' && progress.state === 'failed') {
          if (other.inTransaction) other.exec('COMMIT');
        }
      });
      const summary = await h.backend.quotes.startRefresh({}).done;
      // USD/JPY's three rates, counted by hand from the series above; EUR/USD wrote none.
      expect(summary).toMatchObject({ state: 'done', ok: 1, failed: 1, barsWritten: 0, ratesWritten: 3 });
      expect(summary.message).toBe(
        '1 of 2 symbols and currency pairs updated, 0 bars and 3 exchange rates written; 1 failed (see the refresh log under Import & export).',
      );
      const cached = h.backend.store.fxRates.all().map((r) => `${r.base}/${r.quote} ${r.day}`);
      expect(cached.sort()).toEqual(['USD/JPY 2019-02-20', 'USD/JPY 2019-02-21', 'USD/JPY 2019-02-22']);
      const log = h.backend.quotes.refreshLog(10);
      expect(log.map((entry) => [entry.symbol, entry.outcome, entry.barsWritten]).sort()).toEqual([
        ['EUR/USD', 'error', 0],
        ['USD/JPY', 'ok', 3],
      ]);
      expect(log.find((entry) => entry.symbol === 'EUR/USD')!.message).toMatch(/database is busy/);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });

  it('names the pairs it could not log when the lock never comes back', { timeout: 60_000 }, async () => {
    const h = await twoPairs(200);
    const other = new Database(h.dbPath);
    try {
      other.exec('BEGIN IMMEDIATE');
      const summary = await h.backend.quotes.startRefresh({}).done;
      expect(summary).toMatchObject({ state: 'failed', ok: 0, failed: 2, ratesWritten: 0 });
      expect(summary.message).toContain('the refresh log could not record EUR/USD, USD/JPY (the database was busy)');
      other.exec('ROLLBACK');
      expect(h.backend.store.fxRates.all()).toEqual([]);
      expect(h.backend.quotes.refreshLog(10)).toEqual([]);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
  });
});
