// Backups of the database file: made with SQLite's online backup API (consistent while other
// connections write), listed newest first, rotated, checked and restored. Restoring copies the
// backup into the open database file with the same API, so the app's connection stays open and
// sees the restored data at its next statement (SQLite re-reads a file another connection changed).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './connection';
import { LATEST_SCHEMA_VERSION } from './migrations';

export interface BackupInfo {
  /** The file name inside the backups folder: what the UI lists and `backup:restore` takes. */
  name: string;
  file: string;
  bytes: number;
  /** ISO time the backup was made, from its name. */
  createdAt: string;
  /** Why it was made: manual, daily, before-import, before-delete, before-restore, v<N> (before a migration). */
  reason: string;
}

/** A backup that cannot be restored, or could not be made, with the file named. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function backupsDir(file: string): string {
  return path.join(path.dirname(file), 'backups');
}

// Names carry the time as 2026-03-01T00-00-00-000Z, so they sort and parse without a stat.
const STAMP = /\.(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:\.|$)/;

export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function stampToIso(stamp: string): string {
  return stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
}

/** Every backup of `file`, newest first (migration backups included). */
export function listBackups(file: string): BackupInfo[] {
  const dir = backupsDir(file);
  if (!fs.existsSync(dir)) return [];
  const base = path.basename(file);
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(`${base}.`) || !name.endsWith('.bak')) continue;
    const middle = name.slice(base.length + 1, -'.bak'.length);
    const stamp = STAMP.exec(`.${middle}`)?.[1];
    if (!stamp) continue;
    const reason = middle.replace(stamp, '').replace(/^\.+|\.+$/g, '') || 'unknown';
    const full = path.join(dir, name);
    out.push({ name, file: full, bytes: fs.statSync(full).size, createdAt: stampToIso(stamp), reason });
  }
  return out.sort((a, b) =>
    a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt),
  );
}

/** The newest backup of this database, if any, so an error can point the user at it. */
export function latestBackup(file: string): string | null {
  return listBackups(file)[0]?.file ?? null;
}

/** Deletes all but the newest `keep` backups; `protect` (the one just made) is never deleted. */
export function rotateBackups(file: string, keep: number, protect?: string): string[] {
  const removed: string[] = [];
  for (const backup of listBackups(file).slice(Math.max(1, keep))) {
    if (backup.file === protect) continue;
    fs.rmSync(backup.file, { force: true });
    removed.push(backup.file);
  }
  return removed;
}

/**
 * Copies the open database into backups/ with the online backup API, under a `.partial` name
 * until complete (a half-made copy is never listed), then rotates to `keep`.
 */
export async function createBackup(
  db: Db,
  file: string,
  reason: string,
  keep: number,
  now = new Date(),
): Promise<BackupInfo> {
  const dir = backupsDir(file);
  fs.mkdirSync(dir, { recursive: true });
  let name = `${path.basename(file)}.${reason}.${fileStamp(now)}.bak`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++)
    name = `${path.basename(file)}.${reason}-${n}.${fileStamp(now)}.bak`;
  const target = path.join(dir, name);
  const partial = `${target}.partial`;
  try {
    // Small steps keep the event loop free; but another connection's write restarts the copy, so
    // after a restart the rest goes in one step (a read transaction: consistent, never starved).
    let lastRemaining = Infinity;
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        const restarted = remainingPages > lastRemaining;
        lastRemaining = remainingPages;
        return restarted ? totalPages : 100;
      },
    });
    // A backup is one self-contained file: no -wal beside it to lose when it is copied elsewhere.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`Could not write a backup to ${target}: ${(error as Error).message}.`);
  }
  rotateBackups(file, keep, target);
  return listBackups(file).find((b) => b.file === target) as BackupInfo;
}

/** True when the newest backup is older than `maxAgeMs` (or there is none). */
export function backupIsStale(file: string, now: Date, maxAgeMs = 24 * 60 * 60 * 1000): boolean {
  const newest = listBackups(file)[0];
  return !newest || now.getTime() - Date.parse(newest.createdAt) > maxAgeMs;
}

/**
 * Refuses a file that is not a whole Tiltfolio database this version can open: integrity_check
 * must answer ok, and its schema must be one of ours and not newer than the code.
 */
export function checkBackupFile(source: string): { schemaVersion: number } {
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist.`);
  if (fs.statSync(source).size === 0) throw new BackupError(`${source} is empty (0 bytes): it is not a backup.`);
  let db: Db | undefined;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check reported: ${String(check)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new BackupError(
        `${source} was written by a newer version of Tiltfolio (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Tiltfolio to restore it.`,
      );
    }
    if (version < 1) throw new Error('it has no Tiltfolio schema version');
    return { schemaVersion: version };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${source} is damaged or is not a Tiltfolio database (${(error as Error).message}). Nothing was restored.`,
    );
  } finally {
    db?.close();
  }
}

/**
 * Replaces the open database's contents with `source`'s: checks it, keeps the current database as
 * a `before-restore` backup (restoring that one undoes this), then copies with the backup API.
 * The caller migrates the connection afterwards if the backup's schema is older.
 */
export async function restoreBackup(
  db: Db,
  file: string,
  source: string,
  keep: number,
  now = new Date(),
): Promise<{ restored: string; undo: BackupInfo; schemaVersion: number }> {
  const { schemaVersion } = checkBackupFile(source);
  // Kept even past the rotation count for this one step: undo must find it.
  const undo = await createBackup(db, file, 'before-restore', keep + 1, now);
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(file);
  } catch (error) {
    throw new BackupError(
      `Could not restore ${source} into ${file}: ${(error as Error).message}. The database as it was is kept in ${undo.file}.`,
    );
  } finally {
    from.close();
  }
  return { restored: source, undo, schemaVersion };
}
