import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createDbAtVersion, scratchDir } from '../test-support/scratch';
import { LATEST_SCHEMA_VERSION } from '.';

describe('migration 0007 (quote summary)', () => {
  it('summarises the bars already stored: per symbol, the rows, first and last day', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, 6, (db) => {
      const insert = db.prepare(
        `INSERT INTO quotes (symbol, day, source, close, fetched_at) VALUES (?, ?, ?, 1, '2024-01-01T00:00:00Z')`,
      );
      // Two sources on one day are two rows, as count(*) of quotes counted them.
      for (const [symbol, day, source] of [
        ['AAA', '2020-01-02', 'yahoo'],
        ['AAA', '2020-01-02', 'manual'],
        ['AAA', '2020-03-31', 'yahoo'],
        ['BBB', '2019-12-31', 'stooq'],
      ])
        insert.run(symbol, day, source);
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT symbol, bars, first_day, last_day FROM quote_summary ORDER BY symbol').all()).toEqual([
      { symbol: 'AAA', bars: 3, first_day: '2020-01-02', last_day: '2020-03-31' },
      { symbol: 'BBB', bars: 1, first_day: '2019-12-31', last_day: '2019-12-31' },
    ]);
    db.close();
  });
});
