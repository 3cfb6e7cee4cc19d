import type { HealthInput, HealthRow } from '../health-problem';

/** An input with nothing in it, and what a test changes. */
export function healthInput(over: Partial<HealthInput> = {}): HealthInput {
  return {
    today: '2019-02-25',
    portfolioLastDay: '2019-02-22',
    holdings: new Map(),
    trades: [],
    splits: [],
    comparisons: [],
    rows: new Map(),
    ...over,
  };
}

/** Rows of one load, one per [day, close]. */
export function rowsOf(days: [string, number][], source = 'file', fetchedAt = '2019-02-23T00:00:00Z'): HealthRow[] {
  return days.map(([day, close]) => ({ day, close, high: null, low: null, source, fetchedAt }));
}
