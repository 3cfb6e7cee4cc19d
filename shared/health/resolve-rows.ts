// The rows the checks read, one per day as the app shows them, each with the load it came from.
import { oneRowPerDay } from '../quotes/merge';
import type { HealthRow } from './health-problem';

/** One write of bars: a source at one fetch time (a file import, one refresh's answer). */
export const loadOf = (row: HealthRow): string => `${row.source}|${row.fetchedAt}`;

// Worked out once per rows array (it was a third of a second of health:check at 600,000 bars when
// five checks each resolved every row). Keyed weakly, so it lives as long as the input it came from.
const resolved = new WeakMap<readonly HealthRow[], readonly HealthRow[]>();

/** One row per day, ascending, chosen as history chooses (quotes/merge.ts). Shared: do not change it. */
export const resolveRows = (rows: readonly HealthRow[]): readonly HealthRow[] => {
  let shown = resolved.get(rows);
  if (!shown) {
    shown = oneRowPerDay(rows);
    resolved.set(rows, shown);
  }
  return shown;
};
