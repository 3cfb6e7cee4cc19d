import Database from 'better-sqlite3';
import type { Db } from './connection';
import { BUSY_TIMEOUT_MS } from './write-lock';
import { LATEST_SCHEMA_VERSION } from './migrations';

/**
 * A second connection to a database the app has already opened (and so checked and migrated):
 * long imports and exports run on it, so the app's own connection stays free for other calls.
 * The pragmas match connection.ts.
 */
export function openSideConnection(file: string, options: { nativeBinding?: string | undefined } = {}): Db {
  const db = new Database(file, {
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== LATEST_SCHEMA_VERSION) {
      throw new Error(`${file} is at schema ${version}, not ${LATEST_SCHEMA_VERSION}: open it with the app first.`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
