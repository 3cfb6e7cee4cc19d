// The rows the checks read, one per day as the app shows them, each with the load it came from.
import { oneRowPerDay } from '../quotes/merge';
import type { HealthRow } from './health-problem';

/** One write of bars: a source at one fetch time (a file import, one refresh's answer). */
export const loadOf = (row: HealthRow): string => `${row.source}|${row.fetchedAt}`;

/** One row per day, ascending, chosen as history chooses (quotes/merge.ts). */
export const resolveRows = (rows: readonly HealthRow[]): HealthRow[] => oneRowPerDay(rows);
