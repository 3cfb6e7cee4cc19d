// The large portfolio, generated once per generator version and seed into out/bench-data and
// copied into a fresh data folder for each run: the app may write to the database it opens, and
// a second `npm run bench` must neither regenerate it nor measure what the first one left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DB_FILE_NAME } from '../../backend/paths';
import { cleanCloseNote } from '../../db/connection';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { FULL_SCALE, SCALE_GENERATOR_VERSION, writeScaleDataDir, type ScaleOptions } from '../scale/write-scale';

export function scaleCacheDir(root: string, options: ScaleOptions = FULL_SCALE): string {
  // The schema too: a cached file from before a migration would be migrated (and backed up) in the measured open.
  const key = `scale-v${SCALE_GENERATOR_VERSION}-schema${LATEST_SCHEMA_VERSION}-seed${options.seed}-${options.transactions}tx-${options.bars}bars`;
  return path.join(root, 'out', 'bench-data', key);
}

/** A fresh data folder holding a copy of the cached large portfolio (generated first if missing). */
export async function scaleDataDir(
  root: string,
  options: ScaleOptions = FULL_SCALE,
): Promise<{ dataDir: string; generated: boolean }> {
  const cache = scaleCacheDir(root, options);
  const cached = path.join(cache, DB_FILE_NAME);
  let generated = false;
  if (!fs.existsSync(cached)) {
    // Written beside and renamed into place: an interrupted run leaves no half database in the cache.
    const partial = `${cache}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    await writeScaleDataDir(partial, options);
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    fs.renameSync(partial, cache);
    generated = true;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-bench-scale-'));
  const copy = path.join(dataDir, DB_FILE_NAME);
  fs.copyFileSync(cached, copy);
  // As a person reopening the app finds it: the file as Tiltfolio closed it (connection.ts), so the
  // open skips quick_check as it would at home. The note holds the file's mtime, which the copy keeps.
  if (fs.existsSync(cleanCloseNote(cached))) {
    const { atime, mtime } = fs.statSync(cached);
    fs.utimesSync(copy, atime, mtime);
    fs.copyFileSync(cleanCloseNote(cached), cleanCloseNote(copy));
  }
  return { dataDir, generated };
}
