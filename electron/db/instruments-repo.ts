import type { Sleeve } from '../../shared/domain/sleeve';
import type { InstrumentKind, InstrumentMeta } from '../../shared/quotes/types';
import type { Db } from './connection';

export function createInstrumentsRepo(db: Db) {
  const quotable = db.prepare<[], { symbol: string }>(
    `SELECT symbol FROM instruments WHERE kind <> 'cash' ORDER BY symbol`,
  );
  // Only fills blanks: what the user entered is never overwritten by a provider.
  const fill = db.prepare<[string | null, string | null, string]>(
    'UPDATE instruments SET name = coalesce(name, ?), exchange = coalesce(exchange, ?) WHERE symbol = ?',
  );
  const all = db.prepare<[], InstrumentRecord>(
    'SELECT symbol, name, kind, currency, sleeve AS sleeveOverride FROM instruments ORDER BY symbol',
  );
  const one = db.prepare<[string], InstrumentRecord>(
    'SELECT symbol, name, kind, currency, sleeve AS sleeveOverride FROM instruments WHERE symbol = ?',
  );
  const upsert = db.prepare<[string, string | null, InstrumentKind, string]>(
    `INSERT INTO instruments (symbol, name, kind, currency) VALUES (?, ?, ?, ?)
     ON CONFLICT (symbol) DO UPDATE SET name = coalesce(excluded.name, name), kind = excluded.kind`,
  );
  const setSleeve = db.prepare<[Sleeve | null, string]>('UPDATE instruments SET sleeve = ? WHERE symbol = ?');
  const setName = db.prepare<[string | null, string]>('UPDATE instruments SET name = ? WHERE symbol = ?');
  const setKind = db.prepare<[InstrumentKind, string]>('UPDATE instruments SET kind = ? WHERE symbol = ?');
  const setCurrency = db.prepare<[string, string]>('UPDATE instruments SET currency = ? WHERE symbol = ?');
  const otherCurrencies = db.prepare<[string, string], CurrencyConflict>(
    `SELECT currency, count(*) AS count, min(date) AS first FROM transactions
     WHERE symbol = ? AND currency <> ? GROUP BY currency ORDER BY currency`,
  );
  // The provider's currency is the one its prices are in; it is taken unless transactions of the
  // symbol are in another (which a person has to sort out: docs/csv.md).
  const providerCurrency = db.prepare<[{ symbol: string; currency: string }]>(
    `UPDATE instruments SET currency = @currency WHERE symbol = @symbol AND currency <> @currency
       AND NOT EXISTS (SELECT 1 FROM transactions WHERE symbol = @symbol AND currency <> @currency)`,
  );
  return {
    all: (): InstrumentRecord[] => all.all(),
    get: (symbol: string): InstrumentRecord | undefined => one.get(symbol),
    upsert: (symbol: string, name: string | null, kind: InstrumentKind, currency: string): void => {
      upsert.run(symbol, name, kind, currency);
    },
    update(
      symbol: string,
      patch: { sleeve?: Sleeve | null; name?: string | null; kind?: InstrumentKind; currency?: string },
    ): void {
      if (patch.sleeve !== undefined) setSleeve.run(patch.sleeve, symbol);
      if (patch.name !== undefined) setName.run(patch.name, symbol);
      if (patch.kind !== undefined) setKind.run(patch.kind, symbol);
      if (patch.currency !== undefined) setCurrency.run(patch.currency, symbol);
    },
    /** Transactions of the symbol in another currency than `currency`, per currency. */
    otherCurrencies: (symbol: string, currency: string): CurrencyConflict[] => otherCurrencies.all(symbol, currency),
    /** Instruments that have market prices (everything but cash). */
    quotableSymbols: (): string[] => quotable.all().map((row) => row.symbol),
    fillFromProvider: (symbol: string, meta: InstrumentMeta): void => {
      fill.run(meta.name, meta.exchange, symbol);
      // Only ISO codes: Yahoo quotes London in pence ("GBp"), which no account or rate is in.
      if (meta.currency !== null && /^[A-Z]{3}$/.test(meta.currency)) {
        providerCurrency.run({ symbol, currency: meta.currency });
      }
    },
  };
}

export interface CurrencyConflict {
  currency: string;
  count: number;
  /** The earliest such transaction's date. */
  first: string;
}

export interface InstrumentRecord {
  symbol: string;
  name: string | null;
  kind: InstrumentKind;
  currency: string;
  sleeveOverride: Sleeve | null;
}
