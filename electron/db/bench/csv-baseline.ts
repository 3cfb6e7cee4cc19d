// The floors the CSV import benchmark compares against: csv-parse's records straight into one
// bare prepared INSERT, no checks and no logic, inside one transaction.
import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { Db } from '../connection';

async function* records(file: string): AsyncGenerator<string[]> {
  let header = true;
  for await (const record of fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse()) as AsyncIterable<
    string[]
  >) {
    if (header) header = false;
    else yield record;
  }
}

const orNull = (text: string) => (text === '' ? null : text);

/**
 * Into the real transactions table of a migrated database: the schema's own cost (constraints,
 * foreign keys, indexes) is in the floor, our code's is not. The file's accounts and symbols are
 * created first, outside the timing, so the bare INSERT satisfies the foreign keys.
 */
export async function bareInsertIntoTransactions(db: Db, file: string, accounts: readonly string[]): Promise<number> {
  const ids = new Map<string, number>();
  for (const name of accounts) {
    ids.set(
      name,
      Number(
        db.prepare("INSERT INTO accounts (name, currency, created_at) VALUES (?, 'USD', '')").run(name).lastInsertRowid,
      ),
    );
  }
  db.exec(
    "INSERT INTO instruments (symbol, currency) SELECT column1, 'USD' FROM (VALUES ('AAPL'), ('MSFT'), ('JPM'), ('IWM'), ('NVDA'), ('BAC'), ('BRK.B'), ('XLF'))",
  );
  const insert = db.prepare(
    'INSERT INTO transactions (account_id, date, time, type, symbol, quantity, price, fee, amount, currency, note, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const start = process.hrtime.bigint();
  db.exec('BEGIN');
  for await (const r of records(file)) {
    insert.run(
      ids.get(r[1] as string),
      r[0],
      r[2],
      orNull(r[3] as string),
      orNull(r[4] as string),
      orNull(r[5] as string),
      orNull(r[6] as string),
      orNull(r[7] as string),
      r[8],
      r[9],
      '',
    );
  }
  db.exec('COMMIT');
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Into a scratch table of ten untyped columns: the cost of parsing and of SQLite alone. */
export async function bareInsertIntoScratch(db: Db, file: string): Promise<number> {
  db.exec('CREATE TABLE scratch (date, account, type, symbol, quantity, price, fee, amount, currency, note)');
  const insert = db.prepare('INSERT INTO scratch VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const start = process.hrtime.bigint();
  db.exec('BEGIN');
  for await (const record of records(file)) insert.run(record);
  db.exec('COMMIT');
  return Number(process.hrtime.bigint() - start) / 1e9;
}
