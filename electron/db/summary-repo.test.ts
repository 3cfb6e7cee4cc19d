import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { createQuotesRepo } from './quotes-repo';
import { COUNTS_SQL, createSummaryRepo } from './summary-repo';
import { scratchDir } from './test-support/scratch';

function bars(from: number, count: number, close = 10) {
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(Date.UTC(2020, 0, from + i)).toISOString().slice(0, 10),
    open: null,
    high: null,
    low: null,
    close,
    adjClose: null,
    volume: null,
  }));
}

describe('summary repository: the bar count', () => {
  it('equals count(*) of quotes after inserts, overlapping upserts, a second source and deletes', () => {
    const db = openDatabase(path.join(scratchDir(), 'summary.sqlite'));
    const quotes = createQuotesRepo(db);
    const summary = createSummaryRepo(db);
    // The independent figure: a scan of every bar, as the summary did before migration 0006.
    const scanned = () => (db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n;

    quotes.upsertBars('AAA', 'yahoo', '2024-01-01T00:00:00Z', bars(1, 30));
    quotes.upsertMany([
      { symbol: 'AAA', source: 'yahoo', fetchedAt: '2024-01-02T00:00:00Z', bars: bars(20, 20, 11) }, // days 20–39: 9 new
      { symbol: 'AAA', source: 'manual', fetchedAt: '2024-01-02T00:00:00Z', bars: bars(5, 3) },
      { symbol: 'BBB', source: 'stooq', fetchedAt: '2024-01-02T00:00:00Z', bars: bars(1, 7) },
    ]);
    // The demo loader, quote files and refreshes write inside their own transaction.
    db.transaction(() =>
      quotes.writeSeries({ symbol: 'CCC', source: 'file', fetchedAt: '2024-01-02T00:00:00Z', bars: bars(1, 4) }),
    )();
    quotes.deleteBars('CCC', '0000-01-01', '9999-12-31');
    expect(summary.counts().quoteBars).toBe(30 + 9 + 3 + 7);
    expect(summary.counts().quoteBars).toBe(scanned());

    quotes.deleteBars('AAA', '2020-01-01', '2020-01-06'); // days 1–6: six yahoo rows and two manual ones
    expect(summary.counts().quoteBars).toBe(49 - 8);
    quotes.deleteBars('BBB', '0000-01-01', '9999-12-31');
    expect(summary.counts().quoteBars).toBe(41 - 7);
    expect(summary.counts().quoteBars).toBe(scanned());
    expect(db.prepare('SELECT symbol, bars, first_day, last_day FROM quote_summary').all()).toEqual([
      { symbol: 'AAA', bars: 34, first_day: '2020-01-07', last_day: '2020-02-08' },
    ]);
    db.close();
  });

  it('does not scan the quotes table to count bars', () => {
    const db = openDatabase(path.join(scratchDir(), 'plan.sqlite'));
    const detail = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${COUNTS_SQL}`)
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(detail).toMatch(/quote_summary/);
    expect(detail).not.toMatch(/\bquotes\b/);
    db.close();
  });
});
