import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDbAtVersion, scratchDir, tableNames } from '../test-support/scratch';

function openV1(): Database.Database {
  const file = path.join(scratchDir(), 'v1.sqlite');
  createDbAtVersion(file, 1);
  return new Database(file);
}

describe('migration 0001 (initial schema)', () => {
  it('creates the core tables and sets user_version 1', () => {
    const db = openV1();
    expect(tableNames(db)).toEqual(['accounts', 'instruments', 'quotes', 'settings', 'transactions']);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('keys quotes by (symbol, day, source) without a rowid', () => {
    const db = openV1();
    const sql = db.prepare<[], { sql: string }>(`SELECT sql FROM sqlite_schema WHERE name = 'quotes'`).get()!.sql;
    expect(sql).toMatch(/PRIMARY KEY \(symbol, day, source\)/);
    expect(sql).toMatch(/WITHOUT ROWID/);
    const insert = db.prepare(
      `INSERT INTO quotes (symbol, day, source, close, fetched_at) VALUES (?, ?, 'yahoo', 1, '2019-01-01T00:00:00Z')`,
    );
    insert.run('SPY', '2019-01-02');
    expect(() => insert.run('SPY', '2019-01-02')).toThrow(/UNIQUE/);
    db.close();
  });

  it('enforces its CHECKs', () => {
    const db = openV1();
    expect(() =>
      db
        .prepare(
          `INSERT INTO quotes (symbol, day, source, close, fetched_at) VALUES ('SPY', '2019/01/02', 'yahoo', 1, 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO accounts (name, currency, created_at) VALUES ('Main', 'usd', 'x')`).run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO instruments (symbol, kind) VALUES ('SPY', 'bond')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO instruments (symbol, sleeve) VALUES ('SPY', 'crypto')`).run()).toThrow(
      /CHECK/,
    );
    db.prepare(`INSERT INTO instruments (symbol, kind, sleeve) VALUES ('SPY', 'etf', 'other')`).run();
    expect(db.prepare('SELECT count(*) AS n FROM instruments').get()).toEqual({ n: 1 });
    db.close();
  });
});
