import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupsDir, fileStamp, latestBackup } from './backups';
import { DatabaseOpenError } from './errors';
import { BUSY_TIMEOUT_MS } from './write-lock';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type Db = Database.Database;

export { latestBackup };

export interface OpenOptions {
  /** A better-sqlite3 binary built for the running runtime (Electron in development). */
  nativeBinding?: string | undefined;
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // The browser host, the CLI and the app may open the same file at once. Short: SQLite waits for
  // a lock by blocking the thread; writes wait for a lock between tries instead (write-lock.ts).
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
}

function refuseNewer(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION) {
    throw new DatabaseOpenError(
      file,
      `${file} was written by a newer version of Tiltfolio (schema ${current}; this version knows up to ${LATEST_SCHEMA_VERSION}). It has not been changed; update Tiltfolio to open it.`,
    );
  }
}

/** Runs pending migrations, first copying a database that has data into backups/. */
export function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === LATEST_SCHEMA_VERSION) return;
  if (current > 0 && file !== ':memory:') {
    const dir = backupsDir(file);
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, `${path.basename(file)}.v${current}.${fileStamp(new Date())}.bak`);
    db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  }
  for (let version = current + 1; version <= LATEST_SCHEMA_VERSION; version++) {
    const sql = migrations[version - 1] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}

const READ_ONLY_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'SQLITE_READONLY',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_CANTOPEN',
]);

/** The file or its folder cannot be written: said so, never "damaged", so nobody restores over a healthy file. */
function isReadOnly(file: string, error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY'))) {
    if (code !== 'SQLITE_CANTOPEN') return true;
    return !writable(file) || !writable(path.dirname(file));
  }
  return /readonly database|read-only/i.test((error as Error).message ?? '');
}

function writable(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** The message for a database that could not be opened or checked; exported for the tests that inject errors. */
export function openFailure(file: string, error: unknown): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  if (isReadOnly(file, error)) {
    return new DatabaseOpenError(
      file,
      `${file} (or its folder ${path.dirname(file)}) is read-only, so Tiltfolio cannot open it for writing (${(error as Error).message}). The file is not damaged and has not been changed: make it writable, or move it to a folder you can write to.`,
    );
  }
  return new DatabaseOpenError(
    file,
    `${file} is damaged or is not a Tiltfolio database (${(error as Error).message}). It has not been changed.`,
    latestBackup(file),
  );
}

// quick_check reads every page (751 ms over the 72 MB large portfolio, before the app could answer
// anything). A file Tiltfolio closed cleanly and nothing changed since has nothing new to check: on
// a clean close (the last connection, so SQLite checkpointed and removed the -wal) its size and
// mtime go into a file beside it; an open that finds them unchanged skips the check and removes
// the note at once, so a crash, another program's write, a copy or a restore means a check next time.
export function cleanCloseNote(file: string): string {
  return `${file}-closed`;
}

interface CleanClose {
  size: number;
  mtimeMs: number;
}

function fileStamps(file: string): CleanClose {
  const stat = fs.statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

/** True (and the note consumed) when the file is as Tiltfolio last closed it cleanly. */
function unchangedSinceCleanClose(file: string): boolean {
  const note = cleanCloseNote(file);
  let noted: CleanClose;
  try {
    const text = fs.readFileSync(note, 'utf8');
    fs.rmSync(note, { force: true });
    noted = JSON.parse(text) as CleanClose;
  } catch {
    return false;
  }
  if (!fs.existsSync(file) || fs.existsSync(`${file}-wal`)) return false;
  const now = fileStamps(file);
  // Within a millisecond: a copy that keeps times (utimes with a Date) carries whole milliseconds,
  // and the conversion to seconds may land a hair below.
  return noted.size === now.size && Math.abs(noted.mtimeMs - now.mtimeMs) < 1;
}

/** Closes the connection; when it was the file's last (no -wal left), notes the file as closed cleanly. */
export function closeDatabase(db: Db, file: string): void {
  db.close();
  if (file === ':memory:' || !fs.existsSync(file) || fs.existsSync(`${file}-wal`)) return;
  try {
    fs.writeFileSync(cleanCloseNote(file), JSON.stringify(fileStamps(file)));
  } catch {
    // Without the note the next open runs quick_check: slower, never wrong.
  }
}

/**
 * Opens (creating if needed) the database with the app's pragmas and runs pending migrations.
 * A file that is corrupt, empty, not a database, or from a newer version is refused with an error
 * that names it; it is never emptied or rewritten. A read-only file or folder is said to be read-only.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // SQLite opens a 0-byte file as an empty database and would fill it with an empty portfolio.
    // One this call did not create was a database once (or a failed copy): refuse it by name.
    if (fs.existsSync(file) && fs.statSync(file).size === 0) {
      throw new DatabaseOpenError(
        file,
        `${file} is empty (0 bytes): the portfolio that was there is gone, and it has not been changed. Restore a backup (tiltfolio restore FILE), or delete the empty file to start a new portfolio.`,
        latestBackup(file),
      );
    }
    if (fs.existsSync(file) && !(writable(file) && writable(path.dirname(file)))) {
      throw openFailure(file, Object.assign(new Error('permission denied'), { code: 'EACCES' }));
    }
  }
  const unchanged = file !== ':memory:' && unchangedSinceCleanClose(file);
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    if (isReadOnly(file, error)) throw openFailure(file, error);
    throw new DatabaseOpenError(file, `Could not open ${file}: ${(error as Error).message}.`, latestBackup(file));
  }
  try {
    if (!unchanged) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check reported: ${String(check)}`);
    }
    // Checked before any pragma: switching to WAL alone rewrites the file header.
    refuseNewer(db, file);
    applyPragmas(db);
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw openFailure(file, error);
  }
}
