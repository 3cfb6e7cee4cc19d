// `npm run bench csv`: the import of a generated 1,000,000-row file through the real path
// (stream, parse, check, insert, ledger replay, commit) against, in the same run, the CSV
// library alone feeding a bare prepared INSERT into the same transactions table; then the export
// of those rows. A second line gives the floor into a table without constraints or indexes, so
// the schema's own share of the cost is visible too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tiltfolioPreset } from '../../../shared/csv/presets/tiltfolio';
import type { BenchResult } from '../../bench/measure';
import { bareInsertIntoScratch, bareInsertIntoTransactions } from '../../db/bench/csv-baseline';
import { openDatabase, type Db } from '../../db/connection';
import { createExportRepo } from '../../db/csv-export-repo';
import { createImportWriter } from '../../db/csv-import-repo';
import { openSideConnection } from '../../db/side-connection';
import { exportToFile } from '../export-file';
import { importTransactions } from '../import-transactions';
import { writeTransactionsCsv } from './generate-transactions';

export const BENCH_ROWS = 1_000_000;

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function withDatabase(file: string, work: (db: Db) => Promise<number>): Promise<number> {
  const db = openDatabase(file);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

async function realImport(file: string, dbFile: string): Promise<number> {
  openDatabase(dbFile).close();
  const db = openSideConnection(dbFile);
  try {
    const start = process.hrtime.bigint();
    const result = await importTransactions(createImportWriter(db), {
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
    const generated = writeTransactionsCsv(file, rows, 6);
    // Alternate the two, best of two each: the machine is shared, and one slow moment should not
    // decide the ratio.
    const baseline: number[] = [];
    const scratch: number[] = [];
    const real: number[] = [];
    const accounts = Object.keys(generated.perAccount);
    for (let round = 0; round < 2; round++) {
      baseline.push(
        await withDatabase(path.join(dir, `baseline-${round}.sqlite`), (db) =>
          bareInsertIntoTransactions(db, file, accounts),
        ),
      );
      scratch.push(
        await withDatabase(path.join(dir, `scratch-${round}.sqlite`), (db) => bareInsertIntoScratch(db, file)),
      );
      real.push(await realImport(file, path.join(dir, `real-${round}.sqlite`)));
    }
    const importRate = rows / Math.min(...real);
    const baselineRate = rows / Math.min(...baseline);
    const scratchRate = rows / Math.min(...scratch);

    const db = openSideConnection(path.join(dir, 'real-0.sqlite'));
    let exportSeconds: number;
    try {
      const start = process.hrtime.bigint();
      const exported = await exportToFile(
        'transactions',
        { exports: createExportRepo(db), asOf: null },
        path.join(dir, 'export.csv'),
      );
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
      {
        bench: 'csv.import_transactions.vs_scratch_table',
        value: Math.round(importRate),
        unit: 'rows/s',
        baseline: Math.round(scratchRate),
        ratio: Number((importRate / scratchRate).toFixed(3)),
      },
      { bench: 'csv.export_transactions', value: Math.round(rows / exportSeconds), unit: 'rows/s' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
