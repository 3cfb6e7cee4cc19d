import type { QuoteBar } from '../domain/bar';
import { isDay } from '../engine/dates';
import { readCsv, type CsvRecord } from './csv';
import { QuoteDataError, type ParsedSeries } from './types';
import { barProblem, withRangeAroundClose, type BarField } from './validate';

/** A bad row in a CSV file, named the way a user can find it: file, line, column. */
export class CsvRowError extends QuoteDataError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string | null,
    detail: string,
  ) {
    super(column ? `${file} line ${line}, column ${column}: ${detail}` : `${file} line ${line}: ${detail}`);
    this.name = 'CsvRowError';
  }
}

type Column = 'Date' | 'Open' | 'High' | 'Low' | 'Close' | 'Adj Close' | 'Volume';
const COLUMNS: readonly Column[] = ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'];
const COLUMN_OF: Record<BarField, Column> = {
  day: 'Date',
  open: 'Open',
  high: 'High',
  low: 'Low',
  close: 'Close',
  adjClose: 'Adj Close',
};
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Yahoo writes `null` for a missing value; other exporters leave the field empty. */
function isMissing(text: string): boolean {
  return text === '' || text.toLowerCase() === 'null';
}

/** A price or volume cell: null when missing; `fail` (which throws) names what is wrong with it. */
function numberCell(value: string, fail: (what: string) => never): number | null {
  if (isMissing(value)) return null;
  if (!NUMBER_RE.test(value)) fail('is not a number');
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) fail('is not a finite number');
  return parsed;
}

/** The file's records, the first being its header; an unreadable or empty file is refused by name. */
export function readQuoteRecords(text: string, file: string): [CsvRecord, ...CsvRecord[]] {
  let records;
  try {
    records = readCsv(text);
  } catch (error) {
    throw new QuoteDataError(`${file}: ${(error as Error).message}`);
  }
  if (records.length === 0)
    throw new QuoteDataError(
      `${file} is empty: expected a header row such as Date,Open,High,Low,Close,Adj Close,Volume.`,
    );
  return records as [CsvRecord, ...CsvRecord[]];
}

/** A record with a field count other than the header's, named by its line. */
export function checkFieldCount(file: string, header: CsvRecord, record: CsvRecord): void {
  if (record.fields.length !== header.fields.length) {
    throw new CsvRowError(
      file,
      record.line,
      null,
      `has ${record.fields.length} fields, the header has ${header.fields.length}`,
    );
  }
}

/** Cells of one record by column name, and errors that name the file, line and column. */
export function rowReader<C extends string>(file: string, record: CsvRecord, index: ReadonlyMap<C, number>) {
  const cell = (column: C): string | null => {
    const at = index.get(column);
    return at === undefined ? null : record.fields[at]!.trim();
  };
  const fail = (column: C, value: string, what: string): never => {
    throw new CsvRowError(file, record.line, column, `${JSON.stringify(value.slice(0, 40))} ${what}`);
  };
  const number = (column: C): number | null => {
    const value = cell(column);
    return value === null ? null : numberCell(value, (what) => fail(column, value, what));
  };
  return { cell, fail, number };
}

/**
 * Daily bars from a CSV with a header row: Yahoo's `Date,Open,High,Low,Close,Adj Close,Volume`
 * or Stooq's `Date,Open,High,Low,Close,Volume`. Columns are found by name, in any order; only
 * Date and Close are required. A row whose Close is `null` or empty is a hole and is skipped;
 * anything else that is not a number is an error naming the file, line and column, and so is an
 * impossible bar (see validate.ts), including one dated after `today` when that is given.
 */
export function parseDailyCsv(text: string, file: string, today = '9999-12-31'): ParsedSeries {
  return parseDailyRecords(readQuoteRecords(text, file), file, today);
}

/** The same, from records already read (the first is the header). */
export function parseDailyRecords(
  records: readonly [CsvRecord, ...CsvRecord[]],
  file: string,
  today = '9999-12-31',
): ParsedSeries {
  const header = records[0];
  const index = new Map<Column, number>();
  header.fields.forEach((name, position) => {
    const column = COLUMNS.find((known) => known.toLowerCase() === name.trim().toLowerCase());
    if (column && !index.has(column)) index.set(column, position);
  });
  for (const required of ['Date', 'Close'] as const) {
    if (!index.has(required)) {
      throw new CsvRowError(
        file,
        header.line,
        null,
        `the header has no ${required} column (found: ${header.fields.join(',').slice(0, 120)})`,
      );
    }
  }

  const bars: QuoteBar[] = [];
  const seen = new Map<string, number>();
  let holes = 0;
  for (const record of records.slice(1)) {
    checkFieldCount(file, header, record);
    const { cell, fail, number } = rowReader(file, record, index);

    const day = cell('Date')!;
    if (!isDay(day)) fail('Date', day, 'is not a date (use YYYY-MM-DD)');
    const close = number('Close');
    if (close === null) {
      holes++;
      continue;
    }
    if (close <= 0) fail('Close', cell('Close')!, 'is not a positive price');
    const earlier = seen.get(day);
    if (earlier !== undefined) fail('Date', day, `repeats the day on line ${earlier}`);
    seen.set(day, record.line);

    const volume = number('Volume');
    if (volume !== null && volume < 0) fail('Volume', cell('Volume')!, 'is negative');
    const bar: QuoteBar = {
      day,
      open: number('Open'),
      high: number('High'),
      low: number('Low'),
      close,
      adjClose: number('Adj Close'),
      volume: volume === null ? null : Math.round(volume),
    };
    const problem = barProblem(bar, today);
    if (problem) throw new CsvRowError(file, record.line, COLUMN_OF[problem.field], problem.reason);
    bars.push(withRangeAroundClose(bar));
  }
  bars.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { bars, actions: [], meta: null, holes };
}
