import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cleanCloseNote, closeDatabase, latestBackup, openDatabase, openFailure } from './connection';
import { DatabaseOpenError } from './errors';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { createDbAtVersion, scratchDir } from './test-support/scratch';
import { BUSY_TIMEOUT_MS } from './write-lock';

function openError(file: string): DatabaseOpenError {
  try {
    openDatabase(file).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error(`expected ${file} to be refused`);
}

/** Two backups, the second newer by name (names carry an ISO timestamp). */
function withBackups(dir: string, base: string): string {
  fs.mkdirSync(path.join(dir, 'backups'));
  fs.writeFileSync(path.join(dir, 'backups', `${base}.v1.2026-01-01T00-00-00-000Z.bak`), 'old');
  const newest = path.join(dir, 'backups', `${base}.v1.2026-03-01T00-00-00-000Z.bak`);
  fs.writeFileSync(newest, 'new');
  return newest;
}

describe('openDatabase', () => {
  it('sets WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(scratchDir(), 'pragmas.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    db.close();
  });

  it('refuses a database from a newer version and leaves its bytes unchanged', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'future.sqlite');
    createDbAtVersion(file, LATEST_SCHEMA_VERSION, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`));
    const before = fs.readFileSync(file);

    const error = openError(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/newer version of Tiltfolio/);
    expect(error.message).toContain(`schema ${LATEST_SCHEMA_VERSION + 5}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    const still = new Database(file, { readonly: true });
    expect(still.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    still.close();
  });

  it('refuses a file of random bytes, naming it and the latest backup, without changing it', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    const bytes = Buffer.alloc(8192);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    fs.writeFileSync(file, bytes);
    const newest = withBackups(dir, 'tiltfolio.sqlite');

    const error = openError(file);
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.backup).toBe(newest);
    expect(error.message).toContain(`The latest backup is ${newest}`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a truncated database, naming it and the latest backup', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    const db = openDatabase(file);
    const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`key-${i}`, 'x'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(100_000);
    fs.truncateSync(file, Math.floor(size / 2));
    const newest = withBackups(dir, 'tiltfolio.sqlite');

    const error = openError(file);
    expect(error.message).toContain(file);
    expect(error.backup).toBe(newest);
  });

  it('names no backup when there is none', () => {
    const file = path.join(scratchDir(), 'garbage.sqlite');
    fs.writeFileSync(file, 'this is not a database, just text that goes on for a while '.repeat(100));
    const error = openError(file);
    expect(error.backup).toBeNull();
    expect(latestBackup(file)).toBeNull();
    expect(error.message).toMatch(/damaged or is not a Tiltfolio database/);
  });

  it('refuses a 0-byte database, naming it and the newest backup, and leaves it empty', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    fs.writeFileSync(file, '');
    const newest = withBackups(dir, 'tiltfolio.sqlite');

    const error = openError(file);
    expect(error.message).toContain(`${file} is empty (0 bytes)`);
    expect(error.backup).toBe(newest);
    expect(error.message).toContain(`The latest backup is ${newest}`);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('creates a database where there was no file', () => {
    const file = path.join(scratchDir(), 'new.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('says read-only, not damaged, for an error SQLite gives on a read-only file, and names no backup to restore', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    withBackups(dir, 'tiltfolio.sqlite');
    const sqliteError = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    const error = openFailure(file, sqliteError);
    expect(error.message).toContain(`${file} (or its folder ${dir}) is read-only`);
    expect(error.message).not.toMatch(/is damaged or is not/);
    expect(error.backup).toBeNull();
    const fsError = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    expect(openFailure(file, fsError).message).toMatch(/is read-only/);
  });

  // chmod does not stop root from writing, so as root the injected errors above stand in for it.
  const root = process.getuid?.() === 0;
  it.runIf(!root)('says read-only for a file whose folder and file cannot be written (not run as root)', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    openDatabase(file).close();
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o555);
    try {
      const error = openError(file);
      expect(error.message).toMatch(/is read-only/);
      expect(error.message).not.toMatch(/is damaged or is not/);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(file, 0o644);
    }
  });
});

describe('the integrity check on open', () => {
  /** A database closed through the store's path, with a page in its middle overwritten afterwards. */
  function closedThenDamaged(): { file: string; damage: () => void } {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    const db = openDatabase(file);
    const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`key-${i}`, 'x'.repeat(200));
    })();
    closeDatabase(db, file);
    const damage = () => {
      const { size, mtime, atime } = fs.statSync(file);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
      fs.closeSync(fd);
      // As if nothing had touched the file: same size, same mtime.
      fs.utimesSync(file, atime, mtime);
    };
    return { file, damage };
  }

  it('runs when the file changed since Tiltfolio last closed it cleanly', () => {
    const { file, damage } = closedThenDamaged();
    damage();
    const later = new Date(fs.statSync(file).mtimeMs + 5_000);
    fs.utimesSync(file, later, later);
    expect(openError(file).message).toMatch(/damaged or is not a Tiltfolio database/);
  });

  it('runs when there is no note of a clean close (a crash, a copy, the first open)', () => {
    const { file, damage } = closedThenDamaged();
    fs.rmSync(cleanCloseNote(file));
    damage();
    expect(openError(file).message).toMatch(/integrity check reported/);
  });

  it('is skipped for a file unchanged since its clean close, and the note is used once', () => {
    const { file, damage } = closedThenDamaged();
    expect(fs.existsSync(cleanCloseNote(file))).toBe(true);
    damage();
    // The damage is invisible to size and mtime: this open does not read every page.
    const db = openDatabase(file);
    expect(fs.existsSync(cleanCloseNote(file))).toBe(false);
    db.close(); // not through closeDatabase: as a crash, no note is written
    expect(openError(file).message).toMatch(/integrity check reported/);
  });
});
