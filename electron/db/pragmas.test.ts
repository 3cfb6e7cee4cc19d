import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { openDatabase } from './connection';
import { BUSY_TIMEOUT_MS } from './write-lock';
import { DatabaseOpenError } from './errors';
import { LATEST_SCHEMA_VERSION } from './migrations';

describe('openDatabase', () => {
  const tempDir = useTempDirs();

  it('opens with WAL, foreign keys and a busy timeout, at the latest schema', () => {
    const file = path.join(tempDir(), 'nested', 'db.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
    expect(() =>
      db
        .prepare(
          "INSERT INTO transactions (account_id, date, type, currency, created_at) VALUES (99, '2020-01-01', 'deposit', 'USD', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database from a newer version and leaves its bytes alone', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file)).toThrow(/newer version of Tiltfolio/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('names the file when it is not a database, and does not overwrite it', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    fs.writeFileSync(file, 'this is a spreadsheet, not a database '.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
