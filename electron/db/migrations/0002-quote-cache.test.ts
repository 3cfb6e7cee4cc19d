import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { LATEST_SCHEMA_VERSION } from '.';
import { createDbAtVersion, scratchDir, tableNames } from '../test-support/scratch';

function seedV1(db: Database.Database): void {
  db.prepare(
    `INSERT INTO accounts (name, currency, created_at) VALUES ('Broker', 'USD', '2019-01-01T00:00:00Z')`,
  ).run();
  db.prepare(`INSERT INTO instruments (symbol, kind) VALUES ('SPY', 'etf')`).run();
  db.prepare(
    `INSERT INTO quotes (symbol, day, source, open, high, low, close, adj_close, volume, fetched_at)
     VALUES ('SPY', '2019-02-22', 'yahoo', 277.1, 279.3, 277.1, 279.14, 272.2, 69030700, '2019-02-23T00:00:00Z')`,
  ).run();
  db.prepare(`INSERT INTO settings (key, value) VALUES ('quoteProvider', '"stooq"')`).run();
}

describe('migration 0002 (corporate actions, refresh log)', () => {
  it('adds its tables to a fresh database and sets the latest user_version', () => {
    const db = openDatabase(path.join(scratchDir(), 'fresh.sqlite'));
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['corporate_actions', 'refresh_log', 'quotes', 'instruments', 'settings']),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('migrates a v1 database with data to the latest version, keeping the data and leaving a v1 backup', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    createDbAtVersion(file, 1, seedV1);

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Broker' }]);
    expect(db.prepare('SELECT symbol, day, close, volume FROM quotes').all()).toEqual([
      { symbol: 'SPY', day: '2019-02-22', close: 279.14, volume: 69030700 },
    ]);
    expect(db.prepare('SELECT value FROM settings').all()).toEqual([{ value: '"stooq"' }]);
    db.close();

    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^tiltfolio\.sqlite\.v1\..*\.bak$/);
    const backup = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(backup)).not.toContain('refresh_log');
    expect(backup.prepare('SELECT count(*) AS n FROM quotes').get()).toEqual({ n: 1 });
    backup.close();
  });

  it('does not back up or migrate again once at v2', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    createDbAtVersion(file, 1, seedV1);
    openDatabase(file).close();
    openDatabase(file).close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
  });

  it('enforces the corporate action and refresh log CHECKs', () => {
    const db = openDatabase(path.join(scratchDir(), 'checks.sqlite'));
    const action = db.prepare(
      `INSERT INTO corporate_actions (symbol, day, kind, source, amount, numerator, denominator, fetched_at)
       VALUES ('XLF', '2016-09-19', ?, 'yahoo', ?, ?, ?, 'x')`,
    );
    action.run('split', null, 1231, 1000);
    action.run('dividend', 0.12, null, null);
    expect(() => action.run('split', 1, 2, 1)).toThrow(/CHECK/); // a split carries no amount
    expect(() => action.run('split', null, 0, 1)).toThrow(/CHECK/);
    expect(() => action.run('merger', 1, null, null)).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO corporate_actions (symbol, day, kind, source, amount, fetched_at) VALUES ('X', '16-9-19', 'dividend', 'yahoo', 1, 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);

    const log = db.prepare(
      `INSERT INTO refresh_log (job_id, symbol, provider, started_at, finished_at, outcome, bars_written, message)
       VALUES ('j', 'SPY', 'yahoo', 'a', 'b', ?, ?, '')`,
    );
    log.run('ok', 3);
    expect(() => log.run('maybe', 0)).toThrow(/CHECK/);
    expect(() => log.run('ok', -1)).toThrow(/CHECK/);
    db.close();
  });
});
