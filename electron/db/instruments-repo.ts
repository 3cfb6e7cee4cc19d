import type { InstrumentMeta } from '../../shared/quotes/types';
import type { Db } from './connection';

export function createInstrumentsRepo(db: Db) {
  const quotable = db.prepare<[], { symbol: string }>(
    `SELECT symbol FROM instruments WHERE kind <> 'cash' ORDER BY symbol`,
  );
  // Only fills blanks: what the user entered is never overwritten by a provider.
  const fill = db.prepare<[string | null, string | null, string]>(
    'UPDATE instruments SET name = coalesce(name, ?), exchange = coalesce(exchange, ?) WHERE symbol = ?',
  );
  return {
    /** Instruments that have market prices (everything but cash). */
    quotableSymbols: (): string[] => quotable.all().map((row) => row.symbol),
    fillFromProvider: (symbol: string, meta: InstrumentMeta): void => {
      fill.run(meta.name, meta.exchange, symbol);
    },
  };
}
