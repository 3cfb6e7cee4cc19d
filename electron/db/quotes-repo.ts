import type { Statement } from 'better-sqlite3';
import { preferredRow } from '../../shared/quotes/merge';
import type { Bar as DayBar, CloseSeries, QuoteBar } from '../../shared/domain/bar';
import { closeSeries } from '../../shared/engine/close-series';
import { dayToNumber } from '../../shared/engine/dates';
import type { Db } from './connection';
import { createSeriesCache } from './series-cache';
import { timed } from './slow-query';

/** A bar as history answers it: with where it came from. */
export interface HistoryBar extends QuoteBar {
  source: string;
}

/** A cached bar with where it came from and when. */
export interface SourcedBar extends HistoryBar {
  fetchedAt: string;
}

export interface LatestBar extends SourcedBar {
  symbol: string;
}

/** One symbol's cache at a glance: how far it reaches and how fresh it is. */
export interface SeriesInfo {
  symbol: string;
  firstDay: string;
  lastDay: string;
  bars: number;
  /** Source and fetch time of the bar shown for lastDay. */
  source: string;
  fetchedAt: string;
}

export interface SeriesWrite {
  symbol: string;
  source: string;
  fetchedAt: string;
  bars: readonly QuoteBar[];
}

const COLUMNS = 'symbol, day, source, open, high, low, close, adj_close, volume, fetched_at';
const PARAMS_PER_ROW = 10;
// Multi-row VALUES cut the per-statement cost that dominates bulk writes; 100 rows is 1,000
// parameters, well under SQLite's limit of 32,766.
const ROWS_PER_STATEMENT = 100;

const BAR_COLUMNS = 'day, open, high, low, close, adj_close AS adjClose, volume, source, fetched_at AS fetchedAt';

// Walks the primary key from one symbol to the next instead of scanning every bar.
const DISTINCT_SYMBOLS = /* sql */ `
  WITH RECURSIVE symbols(symbol) AS (
    SELECT (SELECT min(symbol) FROM quotes)
    UNION ALL
    SELECT (SELECT min(q.symbol) FROM quotes q WHERE q.symbol > s.symbol)
    FROM symbols s WHERE s.symbol IS NOT NULL
  )`;

/** The hot reads, exported so a test can check their query plans. */
export const QUOTES_SQL = {
  /** One symbol's bars in a day range (fetched_at is read only for days with several sources). */
  range: `SELECT day, open, high, low, close, adj_close, volume, source
          FROM quotes WHERE symbol = ? AND day >= ? AND day <= ? ORDER BY day, source`,
  /** Every source's row on each symbol's last day, in no particular order. */
  // CROSS JOIN fixes the join order: walk the symbols, then seek each one's last day.
  latestPerSymbol: `${DISTINCT_SYMBOLS}
     SELECT q.symbol, q.day, q.open, q.high, q.low, q.close, q.adj_close AS adjClose, q.volume,
            q.source, q.fetched_at AS fetchedAt
     FROM symbols s
     CROSS JOIN quotes q
     WHERE q.symbol = s.symbol AND q.day = (SELECT max(day) FROM quotes WHERE symbol = s.symbol)`,
  /** Each symbol's first and last day and its number of days (not rows: sources may overlap). */
  // The ends from quote_summary (migration 0007); the days from the series cache's columns while
  // its row holds (migration 0009: four bytes a day), counted along the key only for the rest.
  extents: `
     SELECT q.symbol, q.first_day AS firstDay, q.last_day AS lastDay,
            coalesce(
              (SELECT length(c.days) / 4 FROM series_cache c JOIN series_stamp t ON t.symbol = c.symbol
               WHERE c.symbol = q.symbol AND c.stamp = t.stamp),
              (SELECT count(DISTINCT day) FROM quotes WHERE symbol = q.symbol)) AS bars
     FROM quote_summary q`,
} as const;

type RangeRow = [string, number | null, number | null, number | null, number, number | null, number | null, string];

export function createQuotesRepo(db: Db) {
  const upsertStatements = new Map<number, Statement<unknown[]>>();
  const upsertFor = (rows: number): Statement<unknown[]> => {
    let statement = upsertStatements.get(rows);
    if (!statement) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = db.prepare<unknown[]>(
        `INSERT INTO quotes (${COLUMNS}) VALUES ${values}
         ON CONFLICT (symbol, day, source) DO UPDATE SET
           open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
           adj_close = excluded.adj_close, volume = excluded.volume, fetched_at = excluded.fetched_at`,
      );
      upsertStatements.set(rows, statement);
    }
    return statement;
  };

  const writeSeries = (series: SeriesWrite): number => {
    const { symbol, source, fetchedAt, bars } = series;
    const full = upsertFor(ROWS_PER_STATEMENT);
    const params: unknown[] = new Array(ROWS_PER_STATEMENT * PARAMS_PER_ROW);
    let start = 0;
    for (; start + ROWS_PER_STATEMENT <= bars.length; start += ROWS_PER_STATEMENT) {
      let p = 0;
      for (let i = start; i < start + ROWS_PER_STATEMENT; i++) {
        const bar = bars[i]!;
        params[p++] = symbol;
        params[p++] = bar.day;
        params[p++] = source;
        params[p++] = bar.open;
        params[p++] = bar.high;
        params[p++] = bar.low;
        params[p++] = bar.close;
        params[p++] = bar.adjClose;
        params[p++] = bar.volume;
        params[p++] = fetchedAt;
      }
      full.run(params);
    }
    const rest = bars.length - start;
    if (rest > 0) {
      const tail: unknown[] = [];
      for (let i = start; i < bars.length; i++) {
        const bar = bars[i]!;
        tail.push(symbol, bar.day, source, bar.open, bar.high, bar.low, bar.close, bar.adjClose, bar.volume, fetchedAt);
      }
      upsertFor(rest).run(tail);
    }
    return bars.length;
  };

  // quote_summary (migration 0007) answers the bar count without a scan of every bar: each write
  // re-counts the symbols it touched (a range of one symbol's bars) in the same transaction.
  const summariseSymbol = db.prepare<[string]>(
    `INSERT INTO quote_summary (symbol, bars, first_day, last_day)
       SELECT symbol, count(*), min(day), max(day) FROM quotes WHERE symbol = ? GROUP BY symbol
     ON CONFLICT (symbol) DO UPDATE SET
       bars = excluded.bars, first_day = excluded.first_day, last_day = excluded.last_day`,
  );
  const forgetSymbol = db.prepare<[string]>(
    `DELETE FROM quote_summary WHERE symbol = ? AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.symbol = quote_summary.symbol)`,
  );
  const resummarise = (symbol: string): void => {
    summariseSymbol.run(symbol);
    forgetSymbol.run(symbol);
  };

  const upsertMany = db.transaction((batch: readonly SeriesWrite[]): number => {
    let written = 0;
    for (const series of batch) written += writeSeries(series);
    for (const symbol of new Set(batch.map((series) => series.symbol))) resummarise(symbol);
    return written;
  });

  // Raw rows: better-sqlite3 builds arrays faster than objects, and a read of a long history
  // spends most of its time handing values to JavaScript.
  const range = db.prepare<[string, string, string], RangeRow>(QUOTES_SQL.range).raw(true);
  const fetchTimes = db.prepare<[string, string, string], { day: string; source: string; fetchedAt: string }>(
    `SELECT day, source, fetched_at AS fetchedAt FROM quotes WHERE symbol = ? AND day >= ? AND day <= ?`,
  );

  const history = (symbol: string, from: string, to: string): HistoryBar[] => {
    const rows = range.all(symbol, from, to) as unknown as RangeRow[];
    const bars: HistoryBar[] = new Array(rows.length);
    let firstRepeat: string | null = null;
    let lastRepeat = '';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      bars[i] = {
        day: row[0],
        open: row[1],
        high: row[2],
        low: row[3],
        close: row[4],
        adjClose: row[5],
        volume: row[6],
        source: row[7],
      };
      if (i > 0 && rows[i - 1]![0] === row[0]) {
        firstRepeat ??= row[0];
        lastRepeat = row[0];
      }
    }
    if (firstRepeat === null) return bars;
    // Several sources for some days (a file and a provider overlapping): pick one per day.
    const fetchedAt = new Map(
      fetchTimes.all(symbol, firstRepeat, lastRepeat).map((r) => [`${r.day}|${r.source}`, r.fetchedAt]),
    );
    const when = (bar: HistoryBar) => ({
      bar,
      source: bar.source,
      fetchedAt: fetchedAt.get(`${bar.day}|${bar.source}`) ?? '',
    });
    const out: ReturnType<typeof when>[] = [];
    for (const bar of bars) {
      const last = out.at(-1);
      if (last && last.bar.day === bar.day) out[out.length - 1] = preferredRow(last, when(bar));
      else out.push(when(bar));
    }
    return out.map((entry) => entry.bar);
  };
  // Closes only: the engine's whole diet, and a third of the values to hand over per row.
  const closeRows = db
    .prepare<[string, string, string], [string, number]>(
      `SELECT day, close FROM quotes WHERE symbol = ? AND day >= ? AND day <= ? ORDER BY day, source`,
    )
    .raw(true);
  const closes = (symbol: string, from: string, to: string): DayBar[] => {
    const rows = closeRows.all(symbol, from, to) as unknown as [string, number][];
    const out: DayBar[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      // Several sources for a day: let history's rule pick (rare: a file overlapping a provider).
      if (i > 0 && rows[i - 1]![0] === row[0])
        return history(symbol, from, to).map((b) => ({ day: b.day, close: b.close }));
      out[i] = { day: row[0], close: row[1] };
    }
    return out;
  };
  /** The same, in columns (what the engine values with): no object per close is kept. */
  const closeColumns = (symbol: string, from: string, to: string): CloseSeries => {
    const rows = closeRows.all(symbol, from, to) as unknown as [string, number][];
    const days = new Int32Array(rows.length);
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (i > 0 && rows[i - 1]![0] === row[0]) return closeSeries(history(symbol, from, to));
      days[i] = dayToNumber(row[0]);
      values[i] = row[1];
    }
    return { days, closes: values };
  };
  const series = createSeriesCache(db, (symbol) => closeColumns(symbol, '0000-01-01', '9999-12-31'));
  const everyRow = db.prepare<[string], SourcedBar>(
    `SELECT ${BAR_COLUMNS} FROM quotes WHERE symbol = ? ORDER BY day, source`,
  );
  const rowsBefore = db.prepare<[string, string], SourcedBar>(
    `SELECT ${BAR_COLUMNS} FROM quotes WHERE symbol = ? AND day < ? ORDER BY day, source`,
  );
  const firstDayOf = db.prepare<[string, string], { day: string | null }>(
    `SELECT min(day) AS day FROM quotes WHERE symbol = ? AND source = ?`,
  );
  // fetched_at stays: the row was not fetched again, and preferredRow must still rank it by when it was.
  const setPrices = db.prepare<
    [number | null, number | null, number | null, number, number | null, number | null, string, string, string]
  >(
    `UPDATE quotes SET open = ?, high = ?, low = ?, close = ?, adj_close = ?, volume = ?
     WHERE symbol = ? AND day = ? AND source = ?`,
  );
  const latest = db.prepare<[], LatestBar>(QUOTES_SQL.latestPerSymbol);
  const extents = db.prepare<[], { symbol: string; firstDay: string; lastDay: string; bars: number }>(
    QUOTES_SQL.extents,
  );
  const lastFetchedDay = db.prepare<[string], { day: string }>(
    `SELECT day FROM quotes WHERE symbol = ? AND source <> 'manual' ORDER BY day DESC LIMIT 1`,
  );
  const fetchableSymbols = db.prepare<[], { symbol: string }>(
    `${DISTINCT_SYMBOLS}
     SELECT s.symbol FROM symbols s
     WHERE s.symbol IS NOT NULL
       AND EXISTS (SELECT 1 FROM quotes q WHERE q.symbol = s.symbol AND q.source <> 'manual')
     ORDER BY s.symbol`,
  );

  const deleteRange = db.prepare<[string, string, string]>(
    `DELETE FROM quotes WHERE symbol = ? AND day >= ? AND day <= ? RETURNING day`,
  );
  const deleteBars = db.transaction((symbol: string, from: string, to: string) => {
    const days = (deleteRange.all(symbol, from, to) as { day: string }[]).map((row) => row.day).sort();
    resummarise(symbol);
    return { deleted: days.length, firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null };
  });

  const latestBars = (): LatestBar[] =>
    timed('quotes.latestBars', () => {
      const bySymbol = new Map<string, LatestBar>();
      for (const row of latest.all()) {
        const seen = bySymbol.get(row.symbol);
        bySymbol.set(row.symbol, seen ? preferredRow(seen, row) : row);
      }
      return [...bySymbol.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
    });

  return {
    /** Upserts one symbol's bars from one source in a single transaction; returns rows written. */
    upsertBars: (symbol: string, source: string, fetchedAt: string, bars: readonly QuoteBar[]): number =>
      upsertMany([{ symbol, source, fetchedAt, bars }]),
    /** Upserts many series in a single transaction: all are written or none. */
    upsertMany: (batch: readonly SeriesWrite[]): number => upsertMany(batch),
    /** Writes inside a caller's transaction (the caller owns atomicity): bars and the symbol's summary row. */
    writeSeries: (series: SeriesWrite): number => {
      const written = writeSeries(series);
      resummarise(series.symbol);
      return written;
    },
    /** One symbol's bars in [from, to], one per day (see preferredRow), ascending. */
    history: (symbol: string, from = '0000-01-01', to = '9999-12-31'): HistoryBar[] =>
      timed('quotes.history', () => history(symbol, from, to)),
    /** The same days as history, closes only: what valuation and the rotation analytics read. */
    closes: (symbol: string, from = '0000-01-01', to = '9999-12-31'): DayBar[] =>
      timed('quotes.closes', () => closes(symbol, from, to)),
    /**
     * A symbol's closes in [from, to] as columns. From the start, they come from the series cache
     * (migration 0009), cut at `to`: the portfolio reads every held symbol's whole history.
     */
    closeSeries: (symbol: string, from = '0000-01-01', to = '9999-12-31'): CloseSeries =>
      timed('quotes.closeSeries', () =>
        from === '0000-01-01' ? upTo(series.get(symbol), to) : closeColumns(symbol, from, to),
      ),
    /** The series cache this repository reads through (series-cache.ts). */
    series,
    /** Every stored row for a symbol, all sources: what "the cache is unchanged" compares. */
    rows: (symbol: string): SourcedBar[] => everyRow.all(symbol),
    /** Every source's rows for a symbol dated before `day`: what a newly reported split reaches. */
    rowsBefore: (symbol: string, day: string): SourcedBar[] => rowsBefore.all(symbol, day),
    /** The first day one source has for a symbol, or null. */
    firstDayOf: (symbol: string, source: string): string | null => firstDayOf.get(symbol, source)?.day ?? null,
    /** Rewrites the prices and volume of existing rows in place, inside the caller's transaction. */
    setPrices(symbol: string, rows: readonly SourcedBar[]): number {
      let changed = 0;
      for (const r of rows) {
        changed += setPrices.run(r.open, r.high, r.low, r.close, r.adjClose, r.volume, symbol, r.day, r.source).changes;
      }
      // Rewritten prices are a write to the bars like any other: the summary row's rewrite moves
      // the data generation (migration 0008) and the symbol's series stamp (migration 0009).
      if (changed > 0) resummarise(symbol);
      return changed;
    },
    latestBars,
    list: (): SeriesInfo[] =>
      timed('quotes.list', () => {
        const latestBySymbol = new Map(latestBars().map((bar) => [bar.symbol, bar]));
        const rows = extents.all().sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
        return rows.map((extent) => {
          const bar = latestBySymbol.get(extent.symbol)!;
          return { ...extent, source: bar.source, fetchedAt: bar.fetchedAt };
        });
      }),
    /** Deletes one symbol's rows of every source from `from` to `to` (inclusive), in one transaction. */
    deleteBars: (
      symbol: string,
      from = '0000-01-01',
      to = '9999-12-31',
    ): { deleted: number; firstDay: string | null; lastDay: string | null } => deleteBars(symbol, from, to),
    /** The newest day a provider or file supplied, ignoring typed prices; where a refresh resumes. */
    lastFetchedDay: (symbol: string): string | null => lastFetchedDay.get(symbol)?.day ?? null,
    /** Symbols with bars from a provider or a file: what "refresh everything" means for the cache. */
    fetchableSymbols: (): string[] => fetchableSymbols.all().map((row) => row.symbol),
  };
}

export type QuotesRepo = ReturnType<typeof createQuotesRepo>;

/** The columns through `to` (views of the same arrays: nothing here writes into them). */
function upTo(columns: CloseSeries, to: string): CloseSeries {
  const { days, closes } = columns;
  if (to >= '9999-12-31') return { days, closes };
  const last = dayToNumber(to);
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= last) lo = mid + 1;
    else hi = mid;
  }
  return lo === days.length ? { days, closes } : { days: days.subarray(0, lo), closes: closes.subarray(0, lo) };
}
