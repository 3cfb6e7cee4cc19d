import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createDbAtVersion, scratchDir } from '../test-support/scratch';
import { LATEST_SCHEMA_VERSION } from '.';

describe('migration 0006 (accounts.cost_method)', () => {
  it('adds a nullable cost method to existing accounts and refuses unknown ones', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, LATEST_SCHEMA_VERSION - 1, (db) => {
      db.prepare(
        `INSERT INTO accounts (id, name, currency, created_at) VALUES (1, 'Depot', 'EUR', '2019-01-01T00:00:00Z')`,
      ).run();
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name, cost_method AS m FROM accounts').all()).toEqual([{ name: 'Depot', m: null }]);
    db.prepare(`UPDATE accounts SET cost_method = 'hifo' WHERE id = 1`).run();
    expect(db.prepare('SELECT cost_method AS m FROM accounts').get()).toEqual({ m: 'hifo' });
    expect(() => db.prepare(`UPDATE accounts SET cost_method = 'lofi' WHERE id = 1`).run()).toThrow(/CHECK/);
    db.close();
  });
});
