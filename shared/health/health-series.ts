// What the checks read of one symbol's cached prices: a few facts instead of every row. At scale
// (600,000 bars) handing every row to JavaScript was most of health:check; the backend works
// these out in the database (electron/db/health-repo.ts), and seriesFromRows is the same from rows
// (the definition, what the checks' tests give, and what the database's answer is tested against).
import { dayToNumber } from '../engine/dates';
import type { HealthRow } from './health-problem';
import { loadOf, resolveRows } from './resolve-rows';

/**
 * Calendar days apart beyond which two consecutive days with prices may hold a gap: seven
 * consecutive days always include a weekend day, so six days between hold at most five weekdays
 * (GAP_WEEKDAYS, never a gap); the gap check counts the weekdays of these pairs exactly.
 */
export const FAR_APART_DAYS = 7;

export interface HealthSeries {
  /** The newest day with a price; null when nothing is cached. */
  lastDay: string | null;
  /** Consecutive days with prices more than FAR_APART_DAYS apart, in day order. */
  farApart: readonly (readonly [from: string, to: string])[];
  /** Every row of each day that rows of several loads cover, by day then source. */
  overlaps: readonly HealthRow[];
  /** Consecutive shown rows (one per day, as history picks) from different loads, in day order. */
  seams: readonly (readonly [earlier: HealthRow, later: HealthRow])[];
  /** The shown row of each day a trade is on (or of every day): what a trade is compared with. */
  shownOn: ReadonlyMap<string, HealthRow>;
}

export const NO_SERIES: HealthSeries = { lastDay: null, farApart: [], overlaps: [], seams: [], shownOn: new Map() };

/** The facts of one symbol's rows (any order, every source). */
export function seriesFromRows(rows: readonly HealthRow[]): HealthSeries {
  const shown = resolveRows(rows);
  const perDay = new Map<string, number>();
  for (const row of rows) perDay.set(row.day, (perDay.get(row.day) ?? 0) + 1);
  const overlaps = rows
    .filter((row) => perDay.get(row.day)! > 1)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.source < b.source ? -1 : 1));
  const farApart: [string, string][] = [];
  const seams: [HealthRow, HealthRow][] = [];
  for (let i = 1; i < shown.length; i++) {
    const [a, b] = [shown[i - 1]!, shown[i]!];
    if (dayToNumber(b.day) - dayToNumber(a.day) > FAR_APART_DAYS) farApart.push([a.day, b.day]);
    if (loadOf(a) !== loadOf(b)) seams.push([a, b]);
  }
  return {
    lastDay: shown.at(-1)?.day ?? null,
    farApart,
    overlaps,
    seams,
    shownOn: new Map(shown.map((row) => [row.day, row])),
  };
}
