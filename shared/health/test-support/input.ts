import type { HealthInput, HealthRow } from '../health-problem';
import { seriesFromRows } from '../health-series';

/** An input with nothing in it, and what a test changes; `rows` are each symbol's cached rows. */
export function healthInput({
  rows,
  ...over
}: Partial<HealthInput> & { rows?: ReadonlyMap<string, readonly HealthRow[]> } = {}): HealthInput {
  return {
    today: '2019-02-25',
    portfolioLastDay: '2019-02-22',
    holdings: new Map(),
    trades: [],
    splits: [],
    comparisons: [],
    series: new Map(),
    ...over,
    // After `over`: a test that spreads another input and gives rows means these rows.
    ...(rows && { series: new Map([...rows].map(([symbol, symbolRows]) => [symbol, seriesFromRows(symbolRows)])) }),
  };
}

/** Rows of one load, one per [day, close]. */
export function rowsOf(days: [string, number][], source = 'file', fetchedAt = '2019-02-23T00:00:00Z'): HealthRow[] {
  return days.map(([day, close]) => ({ day, close, high: null, low: null, source, fetchedAt }));
}
