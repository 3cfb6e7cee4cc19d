// The rows the checks read, one per day as the app shows them, each with the load it came from.
import { preferredRow } from '../quotes/merge';
import type { HealthRow } from './health-problem';

/** One write of bars: a source at one fetch time (a file import, one refresh's answer). */
export const loadOf = (row: HealthRow): string => `${row.source}|${row.fetchedAt}`;

/** One row per day, ascending, chosen as history chooses (quotes/merge.ts). */
export function resolveRows(rows: readonly HealthRow[]): HealthRow[] {
  const byDay = new Map<string, HealthRow>();
  for (const row of rows) {
    const seen = byDay.get(row.day);
    byDay.set(row.day, seen ? preferredRow(seen, row) : row);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** `Brokerage, Retirement (IRA)`, or '' for none. */
export function accountList(accounts: readonly string[]): string {
  return accounts.join(', ');
}
