import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { migrations } from '../migrations';

const dirs: string[] = [];

/** A fresh folder for this test, removed after it. Call at test time, not at import time. */
export function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-test-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A database file as an older app version left it: migrations 1..version applied, nothing else. */
export function createDbAtVersion(file: string, version: number, seed?: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    for (let v = 1; v <= version; v++) db.exec(migrations[v - 1]!);
    db.pragma(`user_version = ${version}`);
    seed?.(db);
  } finally {
    db.close();
  }
}

export function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .all()
    .map((row) => row.name);
}
