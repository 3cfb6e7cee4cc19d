// Issue 21, item 1: a quote refresh while another connection (the CLI importing beside the app)
// holds the write lock. Before, the first symbol's write waited out the busy timeout, its log
// entry's write failed the same way and threw out of the job: the refresh was reported "failed,
// 0 updated" while the other symbols' bars were written, with no log entry and no change event.
// Now each symbol is counted by what its write committed.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from './test-support/fake-quote-server';
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
