// The series cache (migration 0009) against what the bars say, worked out here from the rows
// themselves, after every kind of write to them, from this connection and another.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayToNumber } from '../../shared/engine/dates';
import { parseDailyCsv } from '../../shared/quotes/daily-csv';
import { openDatabase, type Db } from './connection';
import { createQuotesRepo } from './quotes-repo';
import { scratchDir } from './test-support/scratch';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const barsOf = (folder: string, symbol: string) =>
  parseDailyCsv(fs.readFileSync(path.join(DATA, folder, `${symbol}.csv`), 'utf8'), `${symbol}.csv`).bars;

/**
 * The closes as the cache must answer them, from the rows: one per day, a typed price first, then
 * the newest fetch (quotes/merge.ts), through `to`.
 */
function expected(db: Db, symbol: string, to = '9999-12-31') {
  const rows = db
    .prepare('SELECT day, close, source, fetched_at AS at FROM quotes WHERE symbol = ? AND day <= ? ORDER BY day')
    .all(symbol, to) as { day: string; close: number; source: string; at: string }[];
  const byDay = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = byDay.get(row.day);
    const better =
      !seen || (row.source === 'manual') !== (seen.source === 'manual')
        ? !seen || row.source === 'manual'
        : row.at > seen.at;
    if (better) byDay.set(row.day, row);
  }
  const days = [...byDay.keys()].sort();
  return { days: Int32Array.from(days, dayToNumber), closes: Float64Array.from(days, (d) => byDay.get(d)!.close) };
}

function stored(db: Db, symbol: string): number {
  return (db.prepare('SELECT count(*) AS n FROM series_cache WHERE symbol = ?').get(symbol) as { n: number }).n;
}

function loaded() {
  const file = path.join(scratchDir(), 'series.sqlite');
  const db = openDatabase(file);
  const quotes = createQuotesRepo(db);
  quotes.upsertBars('JPM', 'file', '2023-01-01T00:00:00Z', barsOf('quotes', 'JPM'));
  quotes.upsertBars('BAS.DE', 'yahoo', '2023-01-01T00:00:00Z', barsOf('quotes-xetra', 'BAS.DE'));
  // A typed price on a day the file has: two rows that day, the typed one shown.
  quotes.upsertBars('JPM', 'manual', '2023-02-01T00:00:00Z', [
    { day: '2016-11-09', open: null, high: null, low: null, close: 77.5, adjClose: null, volume: null },
  ]);
  return { file, db, quotes };
}

const save = (db: Db, quotes: ReturnType<typeof createQuotesRepo>) =>
  db.transaction(() => quotes.series.saveUnsaved())();

describe('series cache', () => {
  it('answers the closes the bars say, to any end, read from the bars and from its stored rows', () => {
    const { db, quotes } = loaded();
    for (const symbol of ['JPM', 'BAS.DE']) {
      expect(quotes.closeSeries(symbol)).toEqual(expected(db, symbol));
      expect(quotes.closeSeries(symbol, '0000-01-01', '2016-11-09')).toEqual(expected(db, symbol, '2016-11-09'));
      expect(quotes.closeSeries(symbol, '0000-01-01', '1990-01-01').days).toHaveLength(0);
    }
    expect(quotes.closeSeries('JPM', '0000-01-01', '2016-11-09').closes.at(-1)).toBe(77.5);
    // The list counts days, not rows (JPM's typed price shares a day with the file), whether the
    // count comes from the bars or, once stored, from the cached columns.
    const days = (symbol: string) =>
      (db.prepare('SELECT count(DISTINCT day) AS n FROM quotes WHERE symbol = ?').get(symbol) as { n: number }).n;
    const listed = () => new Map(quotes.list().map((info) => [info.symbol, info.bars]));
    expect(listed()).toEqual(
      new Map([
        ['BAS.DE', days('BAS.DE')],
        ['JPM', days('JPM')],
      ]),
    );
    expect(save(db, quotes)).toBe(2);
    expect(listed()).toEqual(
      new Map([
        ['BAS.DE', days('BAS.DE')],
        ['JPM', days('JPM')],
      ]),
    );
    db.prepare("UPDATE series_cache SET days = x'00000000' WHERE symbol = 'JPM'").run();
    expect(listed().get('JPM')).toBe(1); // the count the cached row says: it is the one read
    db.transaction(() => quotes.upsertBars('JPM', 'yahoo', '2024-01-01T00:00:00Z', [bar('2023-01-03', 140)]))();
    expect(listed().get('JPM')).toBe(days('JPM')); // the row no longer holds: counted from the bars
    quotes.series.get('JPM');
    expect(save(db, quotes)).toBe(1);
    const reader = createQuotesRepo(db);
    for (const symbol of ['JPM', 'BAS.DE']) expect(reader.closeSeries(symbol)).toEqual(expected(db, symbol));
    expect(reader.series.hasUnsaved()).toBe(false);
    expect(reader.closeSeries('NOPE').days).toHaveLength(0);
  });

  const writes: [string, (quotes: ReturnType<typeof createQuotesRepo>) => void][] = [
    ['new bars', (q) => q.upsertBars('JPM', 'yahoo', '2024-01-01T00:00:00Z', [bar('2023-01-03', 140)])],
    ['a bar replaced', (q) => q.upsertBars('JPM', 'file', '2023-06-01T00:00:00Z', [bar('2016-11-10', 1)])],
    ['a range deleted', (q) => q.deleteBars('JPM', '2016-01-01', '2016-12-31')],
    ['every bar deleted', (q) => q.deleteBars('JPM')],
    [
      'prices rewritten in place',
      (q) =>
        q.setPrices(
          'JPM',
          q.rowsBefore('JPM', '2010-01-01').map((r) => ({ ...r, close: r.close / 2 })),
        ),
    ],
  ];
  it.each(writes)('answers afresh after %s, held or stored', (_, write) => {
    const { db, quotes } = loaded();
    quotes.closeSeries('JPM');
    quotes.closeSeries('BAS.DE');
    save(db, quotes);
    expect(stored(db, 'JPM')).toBe(1);
    db.transaction(() => write(quotes))();
    // The write dropped the stored row, and neither the held series nor a new reader answers the old one.
    expect(stored(db, 'JPM')).toBe(0);
    expect(quotes.closeSeries('JPM')).toEqual(expected(db, 'JPM'));
    expect(createQuotesRepo(db).closeSeries('JPM')).toEqual(expected(db, 'JPM'));
    // BAS.DE was not written: its stored row stands.
    expect(stored(db, 'BAS.DE')).toBe(1);
  });

  it('sees another connection’s write, and does not store what it read before that write', () => {
    const { file, db, quotes } = loaded();
    const other = openDatabase(file);
    const theirs = createQuotesRepo(other);
    try {
      expect(quotes.closeSeries('JPM')).toEqual(expected(db, 'JPM'));
      quotes.closeSeries('BAS.DE');
      // Another process writes after this one read the bars and before it stores them.
      theirs.upsertBars('JPM', 'yahoo', '2024-01-01T00:00:00Z', [bar('2023-01-03', 140)]);
      expect(save(db, quotes)).toBe(1); // BAS.DE only: JPM's stamp moved
      expect(stored(db, 'JPM')).toBe(0);
      expect(quotes.closeSeries('JPM')).toEqual(expected(db, 'JPM'));
      expect(quotes.closeSeries('JPM').closes.at(-1)).toBe(140);
      save(db, quotes);
      // And this one's stored row answers the other connection, until it writes again.
      expect(createQuotesRepo(other).closeSeries('JPM')).toEqual(expected(db, 'JPM'));
      theirs.deleteBars('JPM', '2023-01-03', '2023-01-03');
      expect(quotes.closeSeries('JPM')).toEqual(expected(db, 'JPM'));
    } finally {
      other.close();
      db.close();
    }
  });
});

function bar(day: string, close: number) {
  return { day, open: close, high: close, low: close, close, adjClose: close, volume: 0 };
}
