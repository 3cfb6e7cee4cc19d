import type { QuoteSource } from './types';

export interface SourcedRow {
  source: QuoteSource | string;
  fetchedAt: string;
}

/**
 * When several sources have a bar for the same day, which one the app shows: a price the user
 * typed always wins (it exists because no provider had one, or the user disagreed); otherwise the
 * most recently fetched, so a re-import or a refresh that caught a revision replaces older data.
 */
export function preferredRow<T extends SourcedRow>(a: T, b: T): T {
  if (a.source === 'manual' && b.source !== 'manual') return a;
  if (b.source === 'manual' && a.source !== 'manual') return b;
  if (a.fetchedAt !== b.fetchedAt) return a.fetchedAt > b.fetchedAt ? a : b;
  return a.source <= b.source ? a : b;
}

/** One row per day, ascending, each chosen by preferredRow: the series as history shows it. */
export function oneRowPerDay<T extends SourcedRow & { day: string }>(rows: readonly T[]): T[] {
  const byDay = new Map<string, T>();
  for (const row of rows) {
    const seen = byDay.get(row.day);
    byDay.set(row.day, seen ? preferredRow(seen, row) : row);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
