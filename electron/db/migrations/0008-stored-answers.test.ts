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
    // Each kind of write moves it, once per row.
    db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1'), ('y', '1')").run();
    db.prepare("UPDATE settings SET value = '2' WHERE key = 'x'").run();
    db.prepare("DELETE FROM accounts WHERE name = 'Brokerage'").run();
    expect(db.prepare('SELECT generation FROM data_generation').get()).toEqual({ generation: 4 });
    // Storing an answer does not.
    db.prepare("INSERT INTO stored_answers VALUES ('portfolio:tilt {}', 4, '[]', '{}', '2024-01-01')").run();
    expect(db.prepare('SELECT generation FROM data_generation').get()).toEqual({ generation: 4 });
    db.close();
  });
});
