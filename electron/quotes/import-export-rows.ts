import type { SourcedQuoteRow } from '../../shared/quotes/quotes-export-csv';
import type { QuotesRepo, SeriesWrite } from '../db/quotes-repo';

/** What an import wrote: rows in all, and per symbol (in symbol order). */
export interface ImportedQuotes {
  bars: number;
  symbols: { symbol: string; bars: number }[];
  /** What was rescaled first, when the import was asked to (see scale-guard.ts). */
  note?: string;
}

/**
 * Rows of a quotes export into the cache in one transaction, each under the source and fetch
 * time it was exported with, so the cache (and its next export) is what the file says.
 */
export function writeExportRows(quotes: QuotesRepo, rows: readonly SourcedQuoteRow[]): ImportedQuotes {
  const series = new Map<string, SeriesWrite & { bars: SourcedQuoteRow[] }>();
  const perSymbol = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.symbol}\u0000${row.source}\u0000${row.fetchedAt}`;
    let entry = series.get(key);
    if (!entry) {
      entry = { symbol: row.symbol, source: row.source, fetchedAt: row.fetchedAt, bars: [] };
      series.set(key, entry);
    }
    entry.bars.push(row);
    perSymbol.set(row.symbol, (perSymbol.get(row.symbol) ?? 0) + 1);
  }
  const written = quotes.upsertMany([...series.values()]);
  const symbols = [...perSymbol].sort(([a], [b]) => (a < b ? -1 : 1)).map(([symbol, bars]) => ({ symbol, bars }));
  return { bars: written, symbols };
}
