import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { LATEST_SCHEMA_VERSION } from '.';
import { createDbAtVersion, scratchDir } from '../test-support/scratch';

function seedV2(db: Database.Database): void {
  db.prepare(
    `INSERT INTO accounts (id, name, currency, created_at) VALUES (1, 'Broker', 'USD', '2019-01-01T00:00:00Z')`,
  ).run();
  db.prepare(`INSERT INTO instruments (symbol, kind) VALUES ('SPY', 'etf')`).run();
  db.prepare(
    `INSERT INTO transactions (id, account_id, date, type, symbol, quantity, price, fee, amount, currency, note, created_at)
     VALUES (7, 1, '2019-02-22', 'buy', 'SPY', '10', '279.14', '1', NULL, 'USD', 'first', '2019-02-23T00:00:00Z')`,
  ).run();
}

const TAX_ROW = `INSERT INTO transactions (account_id, date, type, amount, currency, created_at)
  VALUES (1, '2019-03-01', 'tax', '12.5', 'USD', '2019-03-01T00:00:00Z')`;

describe('migration 0003 (the tax type)', () => {
  it('keeps every transaction with its id and accepts tax rows, which version 2 refused', () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    createDbAtVersion(file, 2, (db) => {
      seedV2(db);
      expect(() => db.prepare(TAX_ROW).run()).toThrow(/CHECK constraint failed/);
    });
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT id, type, symbol, quantity, price, fee, note FROM transactions').all()).toEqual([
      { id: 7, type: 'buy', symbol: 'SPY', quantity: '10', price: '279.14', fee: '1', note: 'first' },
    ]);
    db.prepare(TAX_ROW).run();
    expect(db.prepare(`SELECT type, amount FROM transactions WHERE id = 8`).get()).toEqual({
      type: 'tax',
      amount: '12.5',
    });
    // The indexes and the foreign keys came back with the table.
    const indexes = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'transactions' ORDER BY name`,
      )
      .all()
      .map((row) => row.name);
    // (Later migrations add their own, such as 0005's transactions_by_date.)
    expect(indexes).toEqual(expect.arrayContaining(['transactions_by_account_date', 'transactions_by_symbol']));
    expect(() => db.prepare(TAX_ROW.replace('VALUES (1,', 'VALUES (99,')).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
