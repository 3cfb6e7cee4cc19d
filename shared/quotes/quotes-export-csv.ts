// Tiltfolio's own quotes CSV (`tiltfolio export quotes`), read back: several symbols in one file,
// every source's bar kept with when it was fetched, so an export re-imports to the same cache.
import type { CsvRecord } from './csv';
import { checkFieldCount, CsvRowError, parseDailyRecords, readQuoteRecords, rowReader } from './daily-csv';
import { isDay } from '../engine/dates';
import { isValidSymbol, normalizeSymbol } from './symbols';
import { barProblem, withRangeAroundClose, type BarField } from './validate';
import type { QuoteBar } from '../domain/bar';
import type { ParsedSeries, QuoteSource } from './types';

/** The export's columns, in its order (docs/csv.md); the exporter writes these, the import reads them. */
export const QUOTE_EXPORT_COLUMNS = [
  'symbol',
  'date',
  'source',
  'open',
  'high',
  'low',
  'close',
  'adj_close',
  'volume',
  'fetched_at',
] as const;

export type QuoteExportColumn = (typeof QUOTE_EXPORT_COLUMNS)[number];

const REQUIRED: readonly QuoteExportColumn[] = ['symbol', 'date', 'close'];
const SOURCES: readonly QuoteSource[] = ['yahoo', 'stooq', 'file', 'manual'];
// What toISOString writes, and the offsets other tools write: kept as text, so it must be unambiguous.
const TIMESTAMP_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d)$/;

/** One row of the export: a bar with its symbol, its source and when that source was asked. */
const EXPORT_COLUMN_OF: Record<BarField, QuoteExportColumn> = {
  day: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  adjClose: 'adj_close',
};

export interface SourcedQuoteRow extends QuoteBar {
  symbol: string;
  source: QuoteSource;
  fetchedAt: string;
}

export type QuoteFile = { format: 'daily'; series: ParsedSeries } | { format: 'tiltfolio'; rows: SourcedQuoteRow[] };

/** The header names a symbol column: a Tiltfolio quotes export, not one symbol's daily prices. */
export function isQuotesExportHeader(fields: readonly string[]): boolean {
  return fields.some((name) => name.trim().toLowerCase() === 'symbol');
}

/**
 * A quotes file of either kind: Tiltfolio's export (a `symbol` column) or one symbol's daily
 * prices from Yahoo or Stooq. `defaults` fill an export's source and fetched_at when a file
 * leaves those columns out or empty.
 */
export function parseQuoteFile(
  text: string,
  file: string,
  defaults: { source: QuoteSource; fetchedAt: string; today?: string },
): QuoteFile {
  const records = readQuoteRecords(text, file);
  if (!isQuotesExportHeader(records[0].fields))
    return { format: 'daily', series: parseDailyRecords(records, file, defaults.today) };
  return { format: 'tiltfolio', rows: parseExportRecords(records, file, defaults) };
}

function parseExportRecords(
  records: readonly [CsvRecord, ...CsvRecord[]],
  file: string,
  defaults: { source: QuoteSource; fetchedAt: string; today?: string },
): SourcedQuoteRow[] {
  const header = records[0];
  const index = new Map<QuoteExportColumn, number>();
  header.fields.forEach((name, position) => {
    // `Adj Close` as Yahoo spells it, for a hand-made file that adds a Symbol column to Yahoo's.
    const key = name.trim().toLowerCase().replace(/\s+/g, '_');
    const column = QUOTE_EXPORT_COLUMNS.find((known) => known === key);
    if (!column) {
      throw new CsvRowError(
        file,
        header.line,
        name,
        `is not a column of Tiltfolio's quotes format (${QUOTE_EXPORT_COLUMNS.join(',')})`,
      );
    }
    if (index.has(column)) throw new CsvRowError(file, header.line, name, 'appears twice in the header');
    index.set(column, position);
  });
  for (const required of REQUIRED) {
    if (!index.has(required))
      throw new CsvRowError(
        file,
        header.line,
        null,
        `the header has no ${required} column (it names a symbol column, so it is read as Tiltfolio's quotes format)`,
      );
  }

  const rows: SourcedQuoteRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    checkFieldCount(file, header, record);
    const { cell, fail, number } = rowReader(file, record, index);

    // Upper-cased as a file name's symbol is: `spy` in a hand-made file is SPY.
    const symbol = normalizeSymbol(cell('symbol')!);
    if (!isValidSymbol(symbol)) fail('symbol', cell('symbol')!, 'is not a ticker (letters, digits, . ^ = -)');
    const day = cell('date')!;
    if (!isDay(day)) fail('date', day, 'is not a date (use YYYY-MM-DD)');
    const sourceText = cell('source') ?? '';
    const source = sourceText === '' ? defaults.source : (sourceText as QuoteSource);
    if (!SOURCES.includes(source)) fail('source', sourceText, `is not a source (${SOURCES.join(', ')})`);
    const fetchedText = cell('fetched_at') ?? '';
    if (fetchedText !== '' && (!TIMESTAMP_RE.test(fetchedText) || Number.isNaN(Date.parse(fetchedText))))
      fail('fetched_at', fetchedText, 'is not a time (ISO 8601, such as 2024-05-02T08:00:00.000Z)');
    const close = number('close');
    if (close === null) fail('close', cell('close')!, 'is empty: every row needs a close');
    if (close! <= 0) fail('close', cell('close')!, 'is not a positive price');
    const volume = number('volume');
    if (volume !== null && volume < 0) fail('volume', cell('volume')!, 'is negative');

    const key = `${symbol}|${day}|${source}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) fail('date', day, `repeats ${symbol}'s ${source} bar on line ${earlier}`);
    seen.set(key, record.line);
    const row: SourcedQuoteRow = {
      symbol,
      day,
      source,
      open: number('open'),
      high: number('high'),
      low: number('low'),
      close: close!,
      adjClose: number('adj_close'),
      volume: volume === null ? null : Math.round(volume),
      fetchedAt: fetchedText === '' ? defaults.fetchedAt : fetchedText,
    };
    const problem = barProblem(row, defaults.today ?? '9999-12-31');
    if (problem) throw new CsvRowError(file, record.line, EXPORT_COLUMN_OF[problem.field], problem.reason);
    rows.push(withRangeAroundClose(row));
  }
  return rows;
}
