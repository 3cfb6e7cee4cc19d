// Benchmarks for the quote cache, run by `npm run bench`. They report figures; they assert nothing.
import type { QuoteBar } from '../../../shared/domain/bar';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { median, type BenchResult } from '../../bench/measure';
import { openDatabase } from '../connection';
import { createQuotesRepo, type SeriesWrite } from '../quotes-repo';

export interface QuotesBenchOptions {
  symbols?: number;
  days?: number;
  /** Reads timed for quotes.read_symbol. */
  reads?: number;
  /** Where scratch databases go; removed afterwards. */
  dir?: string;
}

const FETCHED_AT = '2026-01-02T03:04:05.000Z';

/** Weekdays from 2000-01-03, as many as asked. */
function tradingDays(count: number): string[] {
  const out: string[] = [];
  for (let ms = Date.UTC(2000, 0, 3); out.length < count; ms += 86_400_000) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

/** Deterministic random-walk bars (mulberry32), so every run writes the same rows. */
export function syntheticSeries(symbols: number, days: number): SeriesWrite[] {
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const calendar = tradingDays(days);
  return Array.from({ length: symbols }, (_, s) => {
    let close = 20 + random() * 200;
    const bars: QuoteBar[] = calendar.map((day) => {
      const open = close;
      close = Math.max(1, close * (1 + (random() - 0.5) * 0.04));
      return {
        day,
        open,
        high: Math.max(open, close) * 1.01,
        low: Math.min(open, close) * 0.99,
        close,
        adjClose: close * 0.97,
        volume: Math.floor(random() * 5e7),
      };
    });
    return { symbol: `S${String(s).padStart(4, '0')}`, source: 'yahoo', fetchedAt: FETCHED_AT, bars };
  });
}

function scratch(options: QuotesBenchOptions): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(options.dir ?? os.tmpdir(), 'tiltfolio-bench-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The same pragmas as the app's connection, so the baseline differs only in the code path. */
function bareDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE bare (symbol TEXT, day TEXT, source TEXT, open REAL, high REAL, low REAL, close REAL,
                              adj_close REAL, volume INTEGER, fetched_at TEXT)`);
  return db;
}

function baselineInsert(file: string, data: readonly SeriesWrite[]): number {
  const db = bareDatabase(file);
  try {
    const insert = db.prepare('INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const start = performance.now();
    db.transaction(() => {
      for (const series of data) {
        for (const bar of series.bars) {
          insert.run(
            series.symbol,
            bar.day,
            series.source,
            bar.open,
            bar.high,
            bar.low,
            bar.close,
            bar.adjClose,
            bar.volume,
            series.fetchedAt,
          );
        }
      }
    })();
    return performance.now() - start;
  } finally {
    db.close();
  }
}

function repositoryUpsert(file: string, data: readonly SeriesWrite[]): number {
  const db = openDatabase(file);
  try {
    const repo = createQuotesRepo(db);
    const start = performance.now();
    repo.upsertMany(data);
    return performance.now() - start;
  } finally {
    db.close();
  }
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * quotes.upsert: 400 symbols × 2,500 days through the repository's upsert, in rows/s, against a
 * bare prepared INSERT of the same rows into a constraint-free table. Each side runs twice on a
 * fresh file and keeps its best run, to damp noise from a shared machine.
 */
export function benchQuotesUpsert(options: QuotesBenchOptions = {}): BenchResult[] {
  const data = syntheticSeries(options.symbols ?? 400, options.days ?? 2500);
  const rows = data.reduce((n, series) => n + series.bars.length, 0);
  const { dir, cleanup } = scratch(options);
  try {
    const bare: number[] = [];
    const repo: number[] = [];
    for (let run = 0; run < 2; run++) {
      bare.push(baselineInsert(path.join(dir, `bare-${run}.sqlite`), data));
      repo.push(repositoryUpsert(path.join(dir, `repo-${run}.sqlite`), data));
    }
    const value = rows / (Math.min(...repo) / 1000);
    const baseline = rows / (Math.min(...bare) / 1000);
    return [
      {
        bench: 'quotes.upsert',
        value: Math.round(value),
        unit: 'rows/s',
        baseline: Math.round(baseline),
        ratio: round(value / baseline, 3),
      },
    ];
  } finally {
    cleanup();
  }
}

/**
 * quotes.read_symbol: median time to read one symbol's full history through the repository,
 * against a baseline of the driver alone: a bare prepared SELECT of the same rows and columns in
 * raw (array) mode on the same file, so the ratio is what the repository adds on top of
 * better-sqlite3 handing the values to JavaScript.
 */
export function benchQuotesReadSymbol(options: QuotesBenchOptions = {}): BenchResult[] {
  const data = syntheticSeries(options.symbols ?? 400, options.days ?? 2500);
  const { dir, cleanup } = scratch(options);
  const db = openDatabase(path.join(dir, 'read.sqlite'));
  try {
    const repo = createQuotesRepo(db);
    repo.upsertMany(data);
    const bare = db
      .prepare(
        `SELECT day, open, high, low, close, adj_close, volume, source FROM quotes WHERE symbol = ? ORDER BY day, source`,
      )
      .raw(true);
    const reads = options.reads ?? 300;
    // Warm the statements and the page cache the way a running app would have.
    for (let i = 0; i < 20; i++) {
      repo.history(data[i % data.length]!.symbol);
      bare.all(data[i % data.length]!.symbol);
    }
    const times: number[] = [];
    const bareTimes: number[] = [];
    // Interleaved, so both sides see the same machine load.
    for (let i = 0; i < reads; i++) {
      const symbol = data[(i * 7919) % data.length]!.symbol;
      let start = performance.now();
      const bars = repo.history(symbol);
      times.push(performance.now() - start);
      start = performance.now();
      const rows = bare.all(symbol);
      bareTimes.push(performance.now() - start);
      if (bars.length !== data[0]!.bars.length || rows.length !== bars.length)
        throw new Error(`read ${bars.length} bars for ${symbol}`);
    }
    const value = median(times);
    const baseline = median(bareTimes);
    return [
      {
        bench: 'quotes.read_symbol',
        value: round(value, 3),
        unit: 'ms',
        baseline: round(baseline, 3),
        ratio: round(value / baseline, 3),
      },
    ];
  } finally {
    db.close();
    cleanup();
  }
}
