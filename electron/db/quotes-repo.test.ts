import type { QuoteBar } from '../../shared/domain/bar';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeSeries } from '../../shared/engine/close-series';
import { openDatabase, type Db } from './connection';
import { createQuotesRepo, QUOTES_SQL } from './quotes-repo';
import { scratchDir } from './test-support/scratch';

function bar(day: string, close: number, extra: Partial<QuoteBar> = {}): QuoteBar {
  return {
    day,
    open: close - 1,
    high: close + 1,
    low: close - 2,
    close,
    adjClose: close * 0.9,
    volume: 1000,
    ...extra,
  };
}

function days(count: number, from = Date.UTC(2010, 0, 4)): string[] {
  return Array.from({ length: count }, (_, i) => new Date(from + i * 86_400_000).toISOString().slice(0, 10));
}

function setup(): { db: Db; repo: ReturnType<typeof createQuotesRepo> } {
  const db = openDatabase(path.join(scratchDir(), 'quotes.sqlite'));
  return { db, repo: createQuotesRepo(db) };
}

/** EXPLAIN QUERY PLAN's detail lines for a statement. */
function plan(db: Db, sql: string, ...params: unknown[]): string[] {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => row.detail);
}

describe('quotes repository', () => {
  it('upserts: a second write of the same (symbol, day, source) replaces the first', () => {
    const { db, repo } = setup();
    expect(
      repo.upsertBars('SPY', 'yahoo', '2019-01-01T00:00:00Z', [bar('2019-01-02', 250), bar('2019-01-03', 251)]),
    ).toBe(2);
    repo.upsertBars('SPY', 'yahoo', '2019-01-05T00:00:00Z', [bar('2019-01-03', 252, { volume: null, open: null })]);
    expect(repo.rows('SPY')).toEqual([
      { ...bar('2019-01-02', 250), source: 'yahoo', fetchedAt: '2019-01-01T00:00:00Z' },
      { ...bar('2019-01-03', 252, { volume: null, open: null }), source: 'yahoo', fetchedAt: '2019-01-05T00:00:00Z' },
    ]);
    db.close();
  });

  it('rewrites the prices of existing rows in place, keeping fetched_at, and reads what lies before a day', () => {
    const { db, repo } = setup();
    repo.upsertBars('AAPL', 'yahoo', '2019-02-01T00:00:00Z', [bar('2019-01-02', 160), bar('2019-01-03', 164)]);
    repo.upsertBars('AAPL', 'file', '2018-12-01T00:00:00Z', [bar('2018-11-30', 180)]);
    expect(repo.firstDayOf('AAPL', 'yahoo')).toBe('2019-01-02');
    expect(repo.firstDayOf('AAPL', 'stooq')).toBeNull();
    const before = repo.rowsBefore('AAPL', '2019-01-03');
    expect(before.map((r) => [r.day, r.source])).toEqual([
      ['2018-11-30', 'file'],
      ['2019-01-02', 'yahoo'],
    ]);
    const quartered = before.map((r) => ({ ...r, open: null, close: r.close / 4, volume: r.volume! * 4 }));
    expect(repo.setPrices('AAPL', [...quartered, { ...quartered[0]!, day: '2000-01-03' }])).toBe(2);
    expect(repo.rows('AAPL')).toEqual([
      ...quartered,
      { ...bar('2019-01-03', 164), source: 'yahoo', fetchedAt: '2019-02-01T00:00:00Z' },
    ]);
    db.close();
  });

  it('writes more rows than one statement holds, and a remainder, in one call', () => {
    const { db, repo } = setup();
    const all = days(257).map((day, i) => bar(day, 100 + i));
    expect(repo.upsertBars('QQQ', 'stooq', 'now', all)).toBe(257);
    const history = repo.history('QQQ');
    expect(history).toHaveLength(257);
    expect(history.at(-1)!.close).toBe(356);
    expect(history.map((b) => b.day)).toEqual([...all.map((b) => b.day)]);
    db.close();
  });

  it('writes a batch all-or-nothing', () => {
    const { db, repo } = setup();
    expect(() =>
      repo.upsertMany([
        { symbol: 'SPY', source: 'file', fetchedAt: 'now', bars: [bar('2019-01-02', 250)] },
        { symbol: 'QQQ', source: 'file', fetchedAt: 'now', bars: [bar('2019/01/02', 150)] }, // fails the day CHECK
      ]),
    ).toThrow(/CHECK/);
    expect(repo.rows('SPY')).toEqual([]);
    db.close();
  });

  it('reads a range, one bar per day: a typed price wins, otherwise the newest fetch', () => {
    const { db, repo } = setup();
    repo.upsertBars('SPY', 'file', '2019-01-01T00:00:00Z', [
      bar('2019-01-02', 1),
      bar('2019-01-03', 2),
      bar('2019-01-04', 3),
    ]);
    repo.upsertBars('SPY', 'yahoo', '2019-02-01T00:00:00Z', [bar('2019-01-03', 20), bar('2019-01-04', 30)]);
    repo.upsertBars('SPY', 'manual', '2019-01-15T00:00:00Z', [bar('2019-01-04', 300)]);
    const history = repo.history('SPY', '2019-01-03', '2019-01-04');
    expect(history.map((b) => [b.day, b.close, b.source])).toEqual([
      ['2019-01-03', 20, 'yahoo'],
      ['2019-01-04', 300, 'manual'],
    ]);
    expect(repo.history('SPY').map((b) => b.close)).toEqual([1, 20, 300]);
    expect(repo.history('NOPE')).toEqual([]);
    // Closes only, by the same rule, whether or not a day has several sources.
    expect(repo.closes('SPY')).toEqual(repo.history('SPY').map((b) => ({ day: b.day, close: b.close })));
    expect(repo.closes('SPY', '2019-01-02', '2019-01-02')).toEqual([{ day: '2019-01-02', close: 1 }]);
    expect(repo.closes('NOPE')).toEqual([]);
    // And in columns, several sources for a day or one.
    expect(repo.closeSeries('SPY')).toEqual(closeSeries(repo.closes('SPY')));
    expect(repo.closeSeries('SPY', '2019-01-02', '2019-01-02')).toEqual(closeSeries([{ day: '2019-01-02', close: 1 }]));
    expect(repo.closeSeries('NOPE').days).toHaveLength(0);
    db.close();
  });

  it('lists each symbol with its extent, distinct days and the source of its last bar', () => {
    const { db, repo } = setup();
    repo.upsertBars('SPY', 'file', '2019-01-01T00:00:00Z', [bar('2019-01-02', 1), bar('2019-01-03', 2)]);
    repo.upsertBars('SPY', 'yahoo', '2019-02-01T00:00:00Z', [bar('2019-01-03', 2), bar('2019-01-04', 3)]);
    repo.upsertBars('AAPL', 'stooq', '2019-03-01T00:00:00Z', [bar('2019-02-01', 150)]);
    repo.upsertBars('GOLDFUND', 'manual', '2019-03-02T00:00:00Z', [bar('2019-02-28', 10)]);
    expect(repo.list()).toEqual([
      {
        symbol: 'AAPL',
        firstDay: '2019-02-01',
        lastDay: '2019-02-01',
        bars: 1,
        source: 'stooq',
        fetchedAt: '2019-03-01T00:00:00Z',
      },
      {
        symbol: 'GOLDFUND',
        firstDay: '2019-02-28',
        lastDay: '2019-02-28',
        bars: 1,
        source: 'manual',
        fetchedAt: '2019-03-02T00:00:00Z',
      },
      {
        symbol: 'SPY',
        firstDay: '2019-01-02',
        lastDay: '2019-01-04',
        bars: 3,
        source: 'yahoo',
        fetchedAt: '2019-02-01T00:00:00Z',
      },
    ]);
    expect(repo.latestBars().map((b) => [b.symbol, b.day, b.close])).toEqual([
      ['AAPL', '2019-02-01', 150],
      ['GOLDFUND', '2019-02-28', 10],
      ['SPY', '2019-01-04', 3],
    ]);
    expect(repo.fetchableSymbols()).toEqual(['AAPL', 'SPY']);
    expect(repo.lastFetchedDay('SPY')).toBe('2019-01-04');
    expect(repo.lastFetchedDay('GOLDFUND')).toBeNull();
    db.close();
  });

  describe('hot queries use the primary key', () => {
    it("one symbol's range is a search on (symbol, day), not a scan or a sort", () => {
      const { db } = setup();
      const text = plan(db, QUOTES_SQL.range, 'SPY', '2019-01-01', '2019-12-31').join('\n');
      expect(text).toMatch(/SEARCH quotes USING PRIMARY KEY \(symbol=\? AND day>\? AND day<\?\)/);
      expect(text).not.toMatch(/SCAN|TEMP B-TREE/);
      db.close();
    });

    it('the per-symbol extents read the summary, the cached columns, and count days only along one symbol’s key', () => {
      const { db } = setup();
      const text = plan(db, QUOTES_SQL.extents).join('\n');
      expect(text).toMatch(/SCAN q\b/); // quote_summary: a row per symbol
      expect(text).toMatch(/SEARCH c USING PRIMARY KEY \(symbol=\?\)/);
      expect(text).toMatch(/SEARCH quotes USING PRIMARY KEY \(symbol=\?\)/);
      expect(text).not.toMatch(/SCAN quotes\b|TEMP B-TREE/);
      db.close();
    });

    it('the latest bar per symbol seeks from symbol to symbol and to each last day, never scanning', () => {
      const { db, repo } = setup();
      for (const symbol of ['AAA', 'BBB', 'CCC']) {
        repo.upsertBars(
          symbol,
          'yahoo',
          'now',
          days(50).map((d, i) => bar(d, i + 1)),
        );
      }
      db.exec('ANALYZE');
      const text = plan(db, QUOTES_SQL.latestPerSymbol).join('\n');
      expect(text).toMatch(/SEARCH q USING PRIMARY KEY \(symbol=\? AND day=\?\)/);
      expect(text).toMatch(/SEARCH quotes USING PRIMARY KEY \(symbol=\?\)/);
      expect(text).toMatch(/SEARCH q USING PRIMARY KEY \(symbol>\?\)/);
      expect(text).not.toMatch(/SCAN (q|quotes)\b|TEMP B-TREE/);
      db.close();
    });
  });
});
