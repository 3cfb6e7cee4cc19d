import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createDbAtVersion, scratchDir } from '../test-support/scratch';
import { LATEST_SCHEMA_VERSION } from '.';

describe('migration 0009 (series cache)', () => {
  it('stamps every symbol with bars, caches none, and moves a stamp with each write to its summary row', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, 8, (db) => {
      db.prepare(
        "INSERT INTO quote_summary VALUES ('AAA', 2, '2020-01-02', '2020-01-03'), ('BBB', 1, '2020-01-02', '2020-01-02')",
      ).run();
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const stamps = () => db.prepare('SELECT symbol, stamp FROM series_stamp ORDER BY symbol').all();
    expect(stamps()).toEqual([
      { symbol: 'AAA', stamp: 0 },
      { symbol: 'BBB', stamp: 0 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM series_cache').get()).toEqual({ n: 0 });
    const cache = db.prepare("INSERT INTO series_cache VALUES (?, ?, x'00', x'00', '[]')");
    cache.run('AAA', 0);
    cache.run('BBB', 0);
    // The summary rewrite quotes-repo.ts makes after a write: an upsert, as it runs it.
    db.prepare(
      `INSERT INTO quote_summary VALUES ('AAA', 3, '2020-01-02', '2020-01-06')
       ON CONFLICT (symbol) DO UPDATE SET bars = excluded.bars, last_day = excluded.last_day`,
    ).run();
    db.prepare("INSERT INTO quote_summary VALUES ('CCC', 1, '2020-01-02', '2020-01-02')").run();
    db.prepare("DELETE FROM quote_summary WHERE symbol = 'BBB'").run();
    expect(stamps()).toEqual([
      { symbol: 'AAA', stamp: 1 },
      { symbol: 'BBB', stamp: 1 },
      { symbol: 'CCC', stamp: 1 },
    ]);
    expect(db.prepare('SELECT symbol FROM series_cache').all()).toEqual([]);
    db.close();
  });
});
