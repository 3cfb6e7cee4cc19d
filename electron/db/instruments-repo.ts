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
  return {
    all: (): InstrumentRecord[] => all.all(),
    get: (symbol: string): InstrumentRecord | undefined => one.get(symbol),
    upsert: (symbol: string, name: string | null, kind: InstrumentKind, currency: string): void => {
      upsert.run(symbol, name, kind, currency);
    },
    update(symbol: string, patch: { sleeve?: Sleeve | null; name?: string | null; kind?: InstrumentKind }): void {
      if (patch.sleeve !== undefined) setSleeve.run(patch.sleeve, symbol);
      if (patch.name !== undefined) setName.run(patch.name, symbol);
      if (patch.kind !== undefined) setKind.run(patch.kind, symbol);
    },
    /** Instruments that have market prices (everything but cash). */
    quotableSymbols: (): string[] => quotable.all().map((row) => row.symbol),
    fillFromProvider: (symbol: string, meta: InstrumentMeta): void => {
      fill.run(meta.name, meta.exchange, symbol);
    },
  };
}

export interface InstrumentRecord {
  symbol: string;
  name: string | null;
  kind: InstrumentKind;
  currency: string;
  sleeveOverride: Sleeve | null;
}
