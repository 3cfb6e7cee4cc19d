// `npm run bench csv`: the import of a generated 1,000,000-row file through the real path
// (stream, parse, check, insert, ledger replay, commit) against, in the same run, the CSV
// library alone feeding a bare prepared statement; then the export of those rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { tiltfolioPreset } from '../../../shared/csv/presets/tiltfolio';
import type { BenchResult } from '../../bench/measure';
import { openDatabase } from '../../db/connection';
import { openSideConnection } from '../../db/side-connection';
import { exportToFile } from '../csv-service';
import { importTransactions } from '../import-transactions';
import { writeTransactionsCsv } from './generate-transactions';

export const BENCH_ROWS = 1_000_000;

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The floor: csv-parse on the file, each record into a bare prepared INSERT, one transaction. */
async function baselineImport(file: string, dbFile: string): Promise<number> {
  const db = new Database(dbFile);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(
      'CREATE TABLE rows (date TEXT, account TEXT, type TEXT, symbol TEXT, quantity TEXT, price TEXT, fee TEXT, amount TEXT, currency TEXT, note TEXT)',
    );
    const insert = db.prepare('INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const start = process.hrtime.bigint();
    db.exec('BEGIN');
    let header = true;
    for await (const record of fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parse()) as AsyncIterable<
      string[]
    >) {
      if (header) {
        header = false;
        continue;
      }
      insert.run(record);
    }
    db.exec('COMMIT');
    return seconds(start);
  } finally {
    db.close();
  }
}

async function realImport(file: string, dbFile: string): Promise<number> {
  openDatabase(dbFile).close();
  const db = openSideConnection(dbFile);
  try {
    const start = process.hrtime.bigint();
    const result = await importTransactions(db, {
      source: fs.createReadStream(file, { highWaterMark: 1 << 20 }),
      fileName: path.basename(file),
      preset: tiltfolioPreset,
      today: '2026-01-01',
      now: new Date().toISOString(),
    });
    const elapsed = seconds(start);
    if (!result.committed || result.added !== BENCH_ROWS) {
      throw new Error(`bench import failed: ${result.errorMessages.slice(0, 5).join('; ')}`);
    }
    return elapsed;
  } finally {
    db.close();
  }
}

export async function benchCsv(rows = BENCH_ROWS): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-csv-bench-'));
  try {
    const file = path.join(dir, 'transactions.csv');
    writeTransactionsCsv(file, rows, 6);
    // Alternate the two, best of two each: the machine is shared, and one slow moment should not
    // decide the ratio.
    const baseline: number[] = [];
    const real: number[] = [];
    for (let round = 0; round < 2; round++) {
      baseline.push(await baselineImport(file, path.join(dir, `baseline-${round}.sqlite`)));
      real.push(await realImport(file, path.join(dir, `real-${round}.sqlite`)));
    }
    const importRate = rows / Math.min(...real);
    const baselineRate = rows / Math.min(...baseline);

    const db = openSideConnection(path.join(dir, 'real-0.sqlite'));
    let exportSeconds: number;
    try {
      const start = process.hrtime.bigint();
      const exported = await exportToFile('transactions', { db, asOf: null }, path.join(dir, 'export.csv'));
      exportSeconds = seconds(start);
      if (exported !== rows) throw new Error(`bench export wrote ${exported} rows`);
    } finally {
      db.close();
    }
    return [
      {
        bench: 'csv.import_transactions',
        value: Math.round(importRate),
        unit: 'rows/s',
        baseline: Math.round(baselineRate),
        ratio: Number((importRate / baselineRate).toFixed(3)),
      },
      { bench: 'csv.export_transactions', value: Math.round(rows / exportSeconds), unit: 'rows/s' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
