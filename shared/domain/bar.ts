/** One daily close. `day` is 'YYYY-MM-DD'; series are ascending by day with no duplicates. */
export interface Bar {
  day: string;
  close: number;
}

/**
 * A bar as its source published it (a provider, a file, a typed price): the close and, where the
 * source gives them, the day's other prices and volume. What the quote cache stores.
 */
export interface QuoteBar extends Bar {
  open: number | null;
  high: number | null;
  low: number | null;
  adjClose: number | null;
  volume: number | null;
}

/**
 * Daily closes in columns, ascending with no duplicate days: what the engine values a portfolio
 * with. `days` are day numbers (days since 1970-01-01; shared/engine/dates.ts). Ten years of 500
 * instruments are 1.26 million closes: as a Bar each they were most of the app's heap, and every
 * full garbage collection had to walk them.
 */
export interface CloseSeries {
  readonly days: Int32Array;
  readonly closes: Float64Array;
}
