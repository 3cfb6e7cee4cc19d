import type { QuoteBar } from '../domain/bar';

/** Where a cached bar came from; also the `source` column of the quote cache. */
export type QuoteSource = 'yahoo' | 'stooq' | 'file' | 'manual';

/** A network provider the refresh can ask; `none` means "never touch the network". */
export type ProviderId = 'yahoo' | 'stooq';

export type CorporateAction =
  | { kind: 'dividend'; day: string; amount: number }
  | { kind: 'split'; day: string; numerator: number; denominator: number };

export type InstrumentKind = 'stock' | 'etf' | 'index' | 'fund' | 'cash';

/** What a provider says about the instrument alongside its bars (Yahoo's `meta`). */
export interface InstrumentMeta {
  symbol: string | null;
  currency: string | null;
  exchange: string | null;
  kind: InstrumentKind | null;
  timeZone: string | null;
  name: string | null;
}

/** A provider's answer for one symbol, parsed and validated. */
export interface ParsedSeries {
  bars: QuoteBar[];
  actions: CorporateAction[];
  meta: InstrumentMeta | null;
  /** Days the source listed without a close (`null` holes), skipped rather than written as zero. */
  holes: number;
}

/** The source answered, but not with usable data for this symbol. Never retried. */
export class QuoteDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuoteDataError';
  }
}
