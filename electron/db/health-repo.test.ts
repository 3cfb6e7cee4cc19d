// The database's answer for the data-health checks against the same facts worked out from every
// row (seriesFromRows, the checks' definition), on real prices (../shared/data) loaded as several
// overlapping loads, a typed price and a deleted stretch.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHealthChecks } from '../../shared/health/checks';
import type { HealthInput, HealthRow } from '../../shared/health/health-problem';
import { seriesFromRows, type HealthSeries } from '../../shared/health/health-series';
import { parseDailyCsv } from '../../shared/quotes/daily-csv';
import { openDatabase, type Db as Database } from './connection';
import { createHealthRepo, HEALTH_SQL } from './health-repo';
import { createQuotesRepo } from './quotes-repo';
import { scratchDir } from './test-support/scratch';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const barsOf = (folder: string, symbol: string) =>
  parseDailyCsv(fs.readFileSync(path.join(DATA, folder, `${symbol}.csv`), 'utf8'), `${symbol}.csv`).bars;

function loadedDb() {
  const db = openDatabase(path.join(scratchDir(), 'health.sqlite'));
  const quotes = createQuotesRepo(db);
  const aapl = barsOf('quotes', 'AAPL');
  quotes.upsertBars('AAPL', 'file', '2023-01-01T00:00:00Z', aapl);
  quotes.deleteBars('AAPL', '2012-03-01', '2012-03-20');
  // A later download of early 2014 on the pre-split scale (AAPL split 7:1 in June 2014).
  const preSplit = aapl
    .filter((b) => b.day >= '2014-01-02' && b.day <= '2014-03-31')
    .map((b) => ({ ...b, close: b.close * 7 }));
  quotes.upsertBars('AAPL', 'yahoo', '2023-06-01T00:00:00Z', preSplit);
  quotes.upsertBars('AAPL', 'manual', '2022-01-01T00:00:00Z', [
    { ...aapl.find((b) => b.day === '2016-05-02')!, close: 94 },
  ]);
  // Two providers overlapping by half a year, on the same scale.
  const spy = barsOf('quotes', 'SPY');
  quotes.upsertBars(
    'SPY',
    'stooq',
    '2023-02-01T00:00:00Z',
    spy.filter((b) => b.day < '2019-07-01'),
  );
  quotes.upsertBars(
    'SPY',
    'yahoo',
    '2023-03-01T00:00:00Z',
    spy.filter((b) => b.day >= '2019-01-01'),
  );
  // XETRA with its `null` days left out, refreshed twice over its last weeks.
  const bas = barsOf('quotes-xetra', 'BAS.DE');
  quotes.upsertBars('BAS.DE', 'yahoo', '2023-01-01T00:00:00Z', bas);
  quotes.upsertBars('BAS.DE', 'yahoo', '2023-01-05T00:00:00Z', bas.slice(-20));
  quotes.upsertBars('BAS.DE', 'yahoo', '2023-01-09T00:00:00Z', bas.slice(-3));
  return db;
}

const TRADE_DAYS: Record<string, string[]> = {
  AAPL: ['2012-03-05', '2014-03-03', '2016-05-02', '2019-05-01'],
  SPY: ['2019-03-01', '2019-09-03', '2009-01-02'],
  'BAS.DE': [],
  ZZZ: ['2019-01-02'],
};

describe('health repository: what the checks read, without every row', () => {
  // Three ways to the same facts: each row's outline; the series cache read from the bars; and
  // the cache's stored rows (migration 0009), read back by a repository that never read the bars.
  const WAYS = {
    outline: (db: Database) => createHealthRepo(db),
    'series cache, read from the bars': (db: Database) => createHealthRepo(db, createQuotesRepo(db).series),
    'series cache, stored rows': (db: Database) => {
      const quotes = createQuotesRepo(db);
      for (const symbol of Object.keys(TRADE_DAYS)) quotes.series.get(symbol);
      db.transaction(() => quotes.series.saveUnsaved())();
      const stored = db.prepare('SELECT count(*) AS n FROM series_cache').get() as { n: number };
      expect(stored.n).toBe(3); // ZZZ has no bars, so no row
      const reading = createQuotesRepo(db);
      // Nothing is left to store: each series came from its stored row.
      for (const symbol of Object.keys(TRADE_DAYS)) reading.series.get(symbol);
      expect(reading.series.hasUnsaved()).toBe(false);
      return createHealthRepo(db, reading.series);
    },
  };
  it.each(Object.keys(WAYS) as (keyof typeof WAYS)[])(
    'answers as the facts worked out from every row do, on real prices: %s',
    (way) => {
      const db = loadedDb();
      const health = WAYS[way](db);
      const everyRow = db.prepare<[string], HealthRow>(
        'SELECT day, close, high, low, source, fetched_at AS fetchedAt FROM quotes WHERE symbol = ? ORDER BY day, source',
      );
      const fromDb = new Map<string, HealthSeries>();
      const fromRows = new Map<string, HealthSeries>();
      for (const [symbol, days] of Object.entries(TRADE_DAYS)) {
        const reference = seriesFromRows(everyRow.all(symbol));
        const series = health.series(symbol, days);
        fromDb.set(symbol, series);
        fromRows.set(symbol, reference);
        expect(series.lastDay).toBe(reference.lastDay);
        expect(series.farApart).toEqual(reference.farApart);
        expect(series.overlaps).toEqual(reference.overlaps);
        expect(series.seams).toEqual(reference.seams);
        for (const day of days) expect(series.shownOn.get(day)).toEqual(reference.shownOn.get(day));
      }
      // The figures themselves, from the loads above.
      const aapl = fromDb.get('AAPL')!;
      expect(aapl.farApart).toContainEqual(['2012-02-29', '2012-03-21']);
      expect(aapl.overlaps.filter((row) => row.source === 'yahoo')).toHaveLength(61); // trading days of 2014 Q1
      expect(aapl.shownOn.get('2016-05-02')).toMatchObject({ source: 'manual', close: 94 });
      expect(aapl.shownOn.get('2012-03-05')).toBeUndefined();
      expect(fromDb.get('ZZZ')).toEqual({ lastDay: null, farApart: [], overlaps: [], seams: [], shownOn: new Map() });
      // The newest load of BAS.DE shows its last three days: seams where the loads meet.
      expect(fromDb.get('BAS.DE')!.seams.map(([a, b]) => [a.fetchedAt, b.fetchedAt])).toEqual([
        ['2023-01-01T00:00:00Z', '2023-01-05T00:00:00Z'],
        ['2023-01-05T00:00:00Z', '2023-01-09T00:00:00Z'],
      ]);

      // And the report the checks make from each is the same, with problems in it to compare.
      const input = (series: Map<string, HealthSeries>): HealthInput => ({
        today: '2023-01-10',
        portfolioLastDay: '2022-12-30',
        holdings: new Map([
          ['AAPL', ['Brokerage']],
          ['BAS.DE', ['Depot']],
          ['ZZZ', ['Brokerage']],
        ]),
        trades: Object.entries(TRADE_DAYS).flatMap(([symbol, days]) =>
          days.map((date) => ({
            date,
            account: 'Brokerage',
            type: 'buy' as const,
            symbol,
            quantity: '1',
            price: '30',
          })),
        ),
        splits: [{ date: '2014-06-09', symbol: 'AAPL', ratio: 7 }],
        comparisons: [{ symbol: 'SPY', role: 'benchmark' }],
        series,
      });
      const report = runHealthChecks(input(fromDb));
      expect(report).toEqual(runHealthChecks(input(fromRows)));
      expect(report.summary.map((line) => line.kind)).toEqual([
        'no_prices',
        'scale_jump',
        'trade_price',
        'series_ends_early',
        'stale_prices',
        'price_gap',
      ]);
      db.close();
    },
  );

  it('reads one symbol along the primary key, and prices only by day', () => {
    const db = openDatabase(path.join(scratchDir(), 'plan.sqlite'));
    const plan = (sql: string, ...params: string[]) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
    const outline = plan(HEALTH_SQL.outline, 'AAPL');
    expect(outline).toMatch(/SEARCH quotes USING PRIMARY KEY \(symbol=\?\)/);
    expect(outline).not.toMatch(/TEMP B-TREE/);
    expect(plan(HEALTH_SQL.rowsOn, 'AAPL', '[]')).toMatch(/SEARCH quotes USING PRIMARY KEY \(symbol=\? AND day=\?\)/);
    // The outline hands over one value a row; the price rows only the columns the checks use.
    expect(db.prepare(HEALTH_SQL.outline).columns()).toHaveLength(1);
    expect(
      db
        .prepare(HEALTH_SQL.rowsOn)
        .columns()
        .map((c) => c.column),
    ).toEqual(['day', 'close', 'high', 'low', 'source', 'fetched_at']);
    db.close();
  });
});
