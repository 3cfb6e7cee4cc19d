// Each symbol's closes as columns and the outline of where its days came from, kept in the
// database (migration 0009) so that building the portfolio after a change, or on the first
// opening after one, does not read every bar again: at 600,000 bars that read was the largest part
// of the first dashboard after a change (issue 20).
import os from 'node:os';
import type { CloseSeries } from '../../shared/domain/bar';
import { dayToNumber } from '../../shared/engine/dates';
import type { Db } from './connection';

/** Consecutive days that came from one load (`source␟fetched_at`), or share several (null). */
export type LoadRun = [load: string | null, days: number];

export interface CachedSeries extends CloseSeries {
  /** The runs of days by load, in day order; they cover every day of `days`. */
  loads(): LoadRun[];
}

/** What separates a load's source from its fetch time; no source name holds it. */
const LOAD_SEPARATOR = '\u001f';

// The columns are stored as the machine lays them out; every platform the app ships for is
// little-endian, and a big-endian one would only never use the cache.
const USABLE = os.endianness() === 'LE';

interface Held {
  stamp: number;
  series: CachedSeries;
  /** Built here and not yet in series_cache. */
  unsaved: boolean;
}

/**
 * `shownCloses` answers one close per day for a symbol some of whose days several sources share
 * (history's rule, quotes-repo.ts); the cache keeps that answer.
 */
export function createSeriesCache(db: Db, shownCloses: (symbol: string) => CloseSeries) {
  const stampOf = db.prepare<[string], number>('SELECT stamp FROM series_stamp WHERE symbol = ?').pluck();
  const stored = db.prepare<[string, number], { days: Buffer; closes: Buffer; loads: string }>(
    'SELECT days, closes, loads FROM series_cache WHERE symbol = ? AND stamp = ?',
  );
  const rows = db
    .prepare<[string], [string, number, string, string]>(
      'SELECT day, close, source, fetched_at FROM quotes WHERE symbol = ? ORDER BY day, source',
    )
    .raw(true);
  // Only while the stamp read before the bars is still the symbol's: a write that landed between
  // the read and this save moved it, and what was read is then not stored.
  const save = db.prepare<[string, number, Buffer, Buffer, string, string, number]>(
    `INSERT INTO series_cache (symbol, stamp, days, closes, loads)
       SELECT ?, ?, ?, ?, ? WHERE (SELECT stamp FROM series_stamp WHERE symbol = ?) = ?
     ON CONFLICT (symbol) DO UPDATE SET stamp = excluded.stamp, days = excluded.days,
       closes = excluded.closes, loads = excluded.loads`,
  );
  const held = new Map<string, Held>();
  let unsaved = 0;

  function build(symbol: string): CachedSeries {
    const all = rows.all(symbol) as unknown as [string, number, string, string][];
    let count = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i]![0] !== all[i - 1]![0]) count++;
    const days = new Int32Array(count);
    const closes = new Float64Array(count);
    const runs: LoadRun[] = [];
    let shared = false;
    let n = -1;
    for (let i = 0; i < all.length; i++) {
      const [day, close, source, fetchedAt] = all[i]!;
      const last = runs[runs.length - 1];
      if (n >= 0 && all[i - 1]![0] === day) {
        // A second load for the day: the day leaves its run for a shared one.
        shared = true;
        if (last![0] === null) continue;
        last![1] -= 1;
        if (last![1] === 0) runs.pop();
        const before = runs[runs.length - 1];
        if (before && before[0] === null) before[1] += 1;
        else runs.push([null, 1]);
        continue;
      }
      n++;
      days[n] = dayToNumber(day);
      closes[n] = close;
      const load = `${source}${LOAD_SEPARATOR}${fetchedAt}`;
      if (last && last[0] === load) last[1] += 1;
      else runs.push([load, 1]);
    }
    const columns = shared ? shownCloses(symbol) : { days, closes };
    return withLoads(columns, () => runs);
  }

  return {
    /** The symbol's days, closes and load runs: held, stored, or read from its bars. */
    get(symbol: string): CachedSeries {
      const stamp = USABLE ? stampOf.get(symbol) : undefined;
      if (stamp === undefined) return build(symbol);
      const kept = held.get(symbol);
      if (kept && kept.stamp === stamp) return kept.series;
      const row = stored.get(symbol, stamp);
      if (row) {
        let runs: LoadRun[] | undefined;
        const series = withLoads({ days: int32s(row.days), closes: float64s(row.closes) }, () => {
          runs ??= JSON.parse(row.loads) as LoadRun[];
          return runs;
        });
        if (held.get(symbol)?.unsaved === true) unsaved--;
        held.set(symbol, { stamp, series, unsaved: false });
        return series;
      }
      const series = build(symbol);
      if (held.get(symbol)?.unsaved !== true) unsaved++;
      held.set(symbol, { stamp, series, unsaved: true });
      return series;
    },
    /** Whether some series were read from their bars and not stored yet. */
    hasUnsaved: (): boolean => unsaved > 0,
    /** Write side: only inside store.write(). Stores what was read from the bars; returns how many. */
    saveUnsaved(): number {
      let saved = 0;
      for (const [symbol, entry] of held) {
        if (!entry.unsaved) continue;
        entry.unsaved = false;
        unsaved--;
        const { days, closes } = entry.series;
        const loads = JSON.stringify(entry.series.loads());
        saved += save.run(symbol, entry.stamp, bytes(days), bytes(closes), loads, symbol, entry.stamp).changes;
      }
      return saved;
    },
  };
}

export type SeriesCache = ReturnType<typeof createSeriesCache>;

function withLoads(columns: CloseSeries, loads: () => LoadRun[]): CachedSeries {
  return { days: columns.days, closes: columns.closes, loads };
}

function bytes(array: Int32Array | Float64Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

// A view of the blob's own memory when it starts where the typed array may (better-sqlite3 gives
// each blob a buffer of its own, so it does); copied out otherwise.
function int32s(blob: Buffer): Int32Array {
  if (blob.byteOffset % 4 === 0) return new Int32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  const out = new Int32Array(blob.byteLength / 4);
  new Uint8Array(out.buffer).set(blob);
  return out;
}

function float64s(blob: Buffer): Float64Array {
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
  const out = new Float64Array(blob.byteLength / 8);
  new Uint8Array(out.buffer).set(blob);
  return out;
}
