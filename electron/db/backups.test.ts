import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BackupError, checkBackupFile, createBackup, listBackups, restoreBackup, rotateBackups } from './backups';
import { openDatabase, type Db } from './connection';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { scratchDir } from './test-support/scratch';

function keys(db: Db): string[] {
  return (db.prepare(`SELECT key FROM settings ORDER BY key`).all() as { key: string }[]).map((r) => r.key);
}

function put(db: Db, key: string): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`).run(key);
}

describe('backups', () => {
  it('is consistent while another connection writes: every pair written together is in it whole or not at all', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'tiltfolio.sqlite');
    const db = openDatabase(file);
    // Enough pages that the backup takes many steps, so the writer runs between them.
    const big = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) big.run(`fill-${i}`, 'x'.repeat(500));
    })();
    const writer = new Database(file);
    writer.pragma('busy_timeout = 5000');
    const pair = writer.transaction((i: number) => {
      writer.prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`).run(`a-${i}`);
      writer.prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`).run(`b-${i}`);
    });
    let written = 0;
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        pair(written++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const info = await createBackup(db, file, 'manual', 10);
    stop = true;
    await writing;
    writer.close();
    expect(written).toBeGreaterThan(0);

    const copy = new Database(info.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (prefix: string) =>
      (copy.prepare(`SELECT COUNT(*) AS n FROM settings WHERE key LIKE ?`).get(`${prefix}-%`) as { n: number }).n;
    expect(count('a')).toBe(count('b'));
    expect(count('a')).toBeLessThanOrEqual(written);
    expect(count('fill')).toBe(4000);
    // A self-contained file: no write-ahead log needed beside it.
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);
    db.close();
  });

  it('restores a backup and undoes the restore with the backup it kept first', async () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    const db = openDatabase(file);
    put(db, 'first');
    const early = await createBackup(db, file, 'manual', 10, new Date('2026-01-01T00:00:00Z'));
    put(db, 'second');

    const { undo } = await restoreBackup(db, file, early.file, 10, new Date('2026-01-02T00:00:00Z'));
    // The same, still open connection reads the restored data.
    expect(keys(db)).toEqual(['first']);
    expect(undo.reason).toBe('before-restore');

    await restoreBackup(db, file, undo.file, 10, new Date('2026-01-03T00:00:00Z'));
    expect(keys(db)).toEqual(['first', 'second']);
    db.close();
    const reopened = openDatabase(file);
    expect(keys(reopened)).toEqual(['first', 'second']);
    reopened.close();
  });

  it('refuses a damaged backup by name and leaves the database and the backups untouched', async () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    const db = openDatabase(file);
    const fill = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 500; i++) fill.run(`key-${i}`, 'y'.repeat(300));
    })();
    const good = await createBackup(db, file, 'manual', 10);
    const damaged = path.join(path.dirname(good.file), 'damaged.bak');
    const bytes = fs.readFileSync(good.file);
    // Scribble over pages after the header: the file still starts like a database.
    for (let i = 8192; i < bytes.length - 4096; i += 97) bytes[i] = (i * 31) % 256;
    fs.writeFileSync(damaged, bytes);
    put(db, 'kept');
    const before = listBackups(file).map((b) => b.name);

    await expect(restoreBackup(db, file, damaged, 10)).rejects.toThrow(BackupError);
    await expect(restoreBackup(db, file, damaged, 10)).rejects.toThrow(damaged);
    expect(keys(db)).toContain('kept');
    expect(listBackups(file).map((b) => b.name)).toEqual(before);
    db.close();
  });

  it('refuses an empty file and one from a newer schema', () => {
    const dir = scratchDir();
    const empty = path.join(dir, 'empty.bak');
    fs.writeFileSync(empty, '');
    expect(() => checkBackupFile(empty)).toThrow(`${empty} is empty (0 bytes)`);
    const newer = path.join(dir, 'newer.bak');
    const db = new Database(newer);
    db.exec('CREATE TABLE t (x)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => checkBackupFile(newer)).toThrow(/newer version of Tiltfolio/);
  });

  it('keeps the newest N by the rotation setting', async () => {
    const file = path.join(scratchDir(), 'tiltfolio.sqlite');
    const db = openDatabase(file);
    const made: string[] = [];
    for (let day = 1; day <= 6; day++) {
      const info = await createBackup(db, file, 'daily', 3, new Date(Date.UTC(2026, 0, day)));
      made.push(info.name);
    }
    expect(listBackups(file).map((b) => b.name)).toEqual([made[5], made[4], made[3]]);
    expect(listBackups(file)[0]!.createdAt).toBe('2026-01-06T00:00:00.000Z');
    rotateBackups(file, 1);
    expect(listBackups(file).map((b) => b.name)).toEqual([made[5]]);
    db.close();
  });
});
