import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createDbAtVersion, scratchDir, tableNames } from '../test-support/scratch';
import { LATEST_SCHEMA_VERSION } from '.';

describe('migration 0004 (exchange rates)', () => {
  it('adds the fx_rates table and an empty fx_rate on every existing transaction', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, 3, (db) => {
      db.prepare(
        `INSERT INTO accounts (id, name, currency, created_at) VALUES (1, 'Depot', 'EUR', '2019-01-01T00:00:00Z')`,
      ).run();
      db.prepare(
        `INSERT INTO transactions (id, account_id, date, type, amount, currency, created_at)
         VALUES (4, 1, '2019-01-02', 'deposit', '1000', 'EUR', '2019-01-02T00:00:00Z')`,
      ).run();
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).toContain('fx_rates');
    expect(db.prepare('SELECT id, amount, fx_rate AS fxRate FROM transactions').all()).toEqual([
      { id: 4, amount: '1000', fxRate: null },
    ]);
    // A broker's rate is kept as typed; a non-positive one is refused.
    db.prepare(`UPDATE transactions SET fx_rate = '1.0539' WHERE id = 4`).run();
    expect(db.prepare('SELECT fx_rate AS fxRate FROM transactions').get()).toEqual({ fxRate: '1.0539' });
    expect(() => db.prepare(`UPDATE transactions SET fx_rate = '-1' WHERE id = 4`).run()).toThrow(/CHECK/);
    db.close();
  });
});
