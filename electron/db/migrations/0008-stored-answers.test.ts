import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createDbAtVersion, scratchDir } from '../test-support/scratch';
import { LATEST_SCHEMA_VERSION } from '.';

describe('migration 0008 (data generation, stored answers)', () => {
  it('adds the generation at 0, no stored answers, and three triggers on each table the portfolio is computed from', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, 7, (db) => {
      db.prepare("INSERT INTO accounts (name, currency, created_at) VALUES ('Brokerage', 'USD', '2024-01-01')").run();
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT generation FROM data_generation').all()).toEqual([{ generation: 0 }]);
    expect(db.prepare('SELECT count(*) AS n FROM stored_answers').get()).toEqual({ n: 0 });
    // A later migration that rebuilds one of these tables drops its triggers: this fails then.
    const triggers = db
      .prepare(
        "SELECT tbl_name AS tbl, count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_moves_generation' GROUP BY tbl_name",
      )
      .all();
    expect(triggers).toEqual(
      ['accounts', 'corporate_actions', 'fx_rates', 'instruments', 'quote_summary', 'settings', 'transactions'].map(
        (tbl) => ({ tbl, n: 3 }),
      ),
    );
    // Each kind of write moves it (to a new number since migration 0010).
    const generation = () =>
      (db.prepare('SELECT generation FROM data_generation').get() as { generation: number }).generation;
    const seen = new Set([generation()]);
    for (const sql of [
      "INSERT INTO settings (key, value) VALUES ('x', '1'), ('y', '1')",
      "UPDATE settings SET value = '2' WHERE key = 'x'",
      "DELETE FROM accounts WHERE name = 'Brokerage'",
    ]) {
      db.prepare(sql).run();
      expect(seen.has(generation()), sql).toBe(false);
      seen.add(generation());
    }
    // Storing an answer does not.
    const before = generation();
    db.prepare("INSERT INTO stored_answers VALUES ('portfolio:tilt {}', 4, '[]', '{}', '2024-01-01')").run();
    expect(generation()).toBe(before);
    db.close();
  });
});
