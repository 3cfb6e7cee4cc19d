import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createDbAtVersion, scratchDir } from '../test-support/scratch';
import { LATEST_SCHEMA_VERSION } from '.';

describe('migration 0005 (transactions by date)', () => {
  it('indexes transactions by date, and the newest-first page reads the index instead of sorting', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, LATEST_SCHEMA_VERSION - 1, (db) => {
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
    const plan = db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM transactions t WHERE t.date >= '2019-01-01' ORDER BY t.date DESC, t.id DESC`,
      )
      .all()
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/transactions_by_date/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(db.prepare('SELECT id FROM transactions').all()).toEqual([{ id: 4 }]);
    db.close();
  });
});
