// What the data-health checks read of a symbol's cached prices (shared/health/health-series.ts),
// without handing every bar to JavaScript: health:check read every column of 600,000 rows (over
// a second at scale, and as long again in garbage collection) to use a few of them.
import { dayFromNumber, dayToNumber } from '../../shared/engine/dates';
import type { HealthRow } from '../../shared/health/health-problem';
import { FAR_APART_DAYS, type HealthSeries } from '../../shared/health/health-series';
import { loadOf } from '../../shared/health/resolve-rows';
import { oneRowPerDay } from '../../shared/quotes/merge';
import type { Db } from './connection';
import type { SeriesCache } from './series-cache';

/** The reads, exported so a test can check their plans and columns. */
export const HEALTH_SQL = {
  /**
   * One string per row, by day then source: the day (its first ten characters), then the load
   * (source and fetch time) it came from. One value a row is a fraction of the cost of a row of
   * values, and no price is read: prices come from `rowsOn`, for the few days that need them.
   */
  outline: `SELECT day || source || char(31) || fetched_at FROM quotes WHERE symbol = ? ORDER BY day, source`,
  /** Every source's row of one symbol on the days listed (a JSON array). */
  rowsOn: `SELECT day, close, high, low, source, fetched_at AS fetchedAt FROM quotes
           WHERE symbol = ? AND day IN (SELECT value FROM json_each(?)) ORDER BY day, source`,
} as const;

const DAY_LENGTH = 'YYYY-MM-DD'.length;

export function createHealthRepo(db: Db, cache?: SeriesCache) {
  const outline = db.prepare<[string], string>(HEALTH_SQL.outline).pluck();
  const rowsOn = db.prepare<[string, string], HealthRow>(HEALTH_SQL.rowsOn);

  /**
   * Each day (a day number) and the load of its only row, or null for a day several rows (loads)
   * share: from the series cache (migration 0009) when there is one, else from every row's outline.
   */
  function dayLoads(symbol: string): { days: ArrayLike<number>; loads: (string | null)[] } {
    if (cache) {
      const series = cache.get(symbol);
      const loads: (string | null)[] = new Array(series.days.length);
      let at = 0;
      for (const [load, count] of series.loads()) loads.fill(load, at, (at += count));
      return { days: series.days, loads };
    }
    const days: number[] = [];
    const loads: (string | null)[] = [];
    let lastDay = '';
    for (const line of outline.all(symbol)) {
      const day = line.slice(0, DAY_LENGTH);
      if (days.length > 0 && lastDay === day) loads[loads.length - 1] = null;
      else {
        days.push(dayToNumber(day));
        loads.push(line.slice(DAY_LENGTH));
        lastDay = day;
      }
    }
    return { days, loads };
  }

  /** One symbol's facts; `tradeDays`: the days its trades are on (their shown rows are read). */
  function series(symbol: string, tradeDays: Iterable<string> = []): HealthSeries {
    const { days, loads } = dayLoads(symbol);
    const farApart: [string, string][] = [];
    // Pairs where loads may meet: different loads, or a day whose shown load is not known yet.
    const maybeSeams: number[] = [];
    const needed = new Set(tradeDays);
    const dayAt = (i: number) => dayFromNumber(days[i]!);
    for (let i = 1; i < days.length; i++) {
      if (days[i]! - days[i - 1]! > FAR_APART_DAYS) farApart.push([dayAt(i - 1), dayAt(i)]);
      const [a, b] = [loads[i - 1], loads[i]];
      if (a === null || b === null || a !== b) {
        maybeSeams.push(i);
        needed.add(dayAt(i - 1)).add(dayAt(i));
      }
    }
    const rows = needed.size === 0 ? [] : rowsOn.all(symbol, JSON.stringify([...needed]));
    const perDay = new Map<string, number>();
    for (const row of rows) perDay.set(row.day, (perDay.get(row.day) ?? 0) + 1);
    const shownOn = new Map(oneRowPerDay(rows).map((row) => [row.day, row]));
    const seams: [HealthRow, HealthRow][] = [];
    for (const i of maybeSeams) {
      const [a, b] = [shownOn.get(dayAt(i - 1))!, shownOn.get(dayAt(i))!];
      if (loadOf(a) !== loadOf(b)) seams.push([a, b]);
    }
    return {
      lastDay: days.length > 0 ? dayAt(days.length - 1) : null,
      farApart,
      overlaps: rows.filter((row) => perDay.get(row.day)! > 1),
      seams,
      shownOn,
    };
  }

  return { series };
}

export type HealthRepo = ReturnType<typeof createHealthRepo>;
