import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError } from './errors';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better-sqlite3 binary built for the running runtime (Electron in development). */
  nativeBinding?: string | undefined;
}

function backupsDir(file: string): string {
  return path.join(path.dirname(file), 'backups');
}

/** The newest backup of this database, if any, so an error can point the user at it. */
export function latestBackup(file: string): string | null {
  const dir = backupsDir(file);
  if (!fs.existsSync(dir)) return null;
  const base = path.basename(file);
  const candidates = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.bak'))
    .sort();
  const newest = candidates.at(-1);
  return newest ? path.join(dir, newest) : null;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // The browser host, the CLI and the app may open the same file at once.
  db.pragma('busy_timeout = 5000');
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

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === LATEST_SCHEMA_VERSION) return;
  if (current > 0 && file !== ':memory:') {
    const dir = backupsDir(file);
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, `${path.basename(file)}.v${current}.${timestamp()}.bak`);
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

/**
 * Opens (creating if needed) the database with the app's pragmas and runs pending migrations.
 * A file that is corrupt, not a database, or from a newer version is refused with an error that
 * names it; it is never emptied or rewritten.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new DatabaseOpenError(file, `Could not open ${file}: ${(error as Error).message}.`, latestBackup(file));
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check reported: ${String(check)}`);
    // Checked before any pragma: switching to WAL alone rewrites the file header.
    refuseNewer(db, file);
    applyPragmas(db);
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(
      file,
      `${file} is damaged or is not a Tiltfolio database (${(error as Error).message}). It has not been changed.`,
      latestBackup(file),
    );
  }
}
