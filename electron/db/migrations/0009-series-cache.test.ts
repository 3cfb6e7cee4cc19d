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
    const stamps = () =>
      new Map(
        (db.prepare('SELECT symbol, stamp FROM series_stamp').all() as { symbol: string; stamp: number }[]).map((r) => [
          r.symbol,
          r.stamp,
        ]),
      );
    const first = stamps();
    expect([...first.keys()].sort()).toEqual(['AAA', 'BBB']);
    // Random, and read exactly by JavaScript: within 53 bits.
    for (const stamp of first.values()) expect(Number.isSafeInteger(stamp)).toBe(true);
    expect(first.get('AAA')).not.toBe(first.get('BBB'));
    expect(db.prepare('SELECT count(*) AS n FROM series_cache').get()).toEqual({ n: 0 });
    const cache = db.prepare("INSERT INTO series_cache VALUES (?, ?, x'00', x'00', '[]')");
    cache.run('AAA', first.get('AAA'));
    cache.run('BBB', first.get('BBB'));
    // The summary rewrite quotes-repo.ts makes after a write: an upsert, as it runs it.
    db.prepare(
      `INSERT INTO quote_summary VALUES ('AAA', 3, '2020-01-02', '2020-01-06')
       ON CONFLICT (symbol) DO UPDATE SET bars = excluded.bars, last_day = excluded.last_day`,
    ).run();
    db.prepare("INSERT INTO quote_summary VALUES ('CCC', 1, '2020-01-02', '2020-01-02')").run();
    db.prepare("DELETE FROM quote_summary WHERE symbol = 'BBB'").run();
    const after = stamps();
    expect([...after.keys()].sort()).toEqual(['AAA', 'BBB', 'CCC']);
    for (const symbol of ['AAA', 'BBB']) expect(after.get(symbol)).not.toBe(first.get(symbol));
    for (const stamp of after.values()) expect(Number.isSafeInteger(stamp)).toBe(true);
    expect(db.prepare('SELECT symbol FROM series_cache').all()).toEqual([]);
    db.close();
  });
});
