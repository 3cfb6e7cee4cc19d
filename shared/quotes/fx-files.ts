// Exchange-rate files as they are downloaded: the ECB's reference-rate history and a Yahoo-format
// quotes file of one pair (EURUSD=X.csv). Rates are kept as the decimal text the file gives, so a
// conversion from them can be exact; any bad cell refuses the whole file, naming line and column.
import type { FxRate } from '../domain/fx-rate';
import { isDay } from '../engine/dates';
import type { CsvRecord } from './csv';
import { checkFieldCount, CsvRowError, readQuoteRecords } from './daily-csv';
import { CURRENCY_RE, pairFromYahooSymbol, type FxPair } from './fx-pairs';
import { QuoteDataError } from './types';

export type FxFileFormat = 'ecb' | 'yahoo';

export interface ParsedFxFile {
  format: FxFileFormat;
  rates: FxRate[];
  /** Cells or rows without a rate (the ECB's `N/A`, Yahoo's `null`), skipped. */
  skipped: number;
}

export interface FxFileOptions {
  fetchedAt: string;
  /** A rate dated after this day is refused (a garbled date); default: none is. */
  today?: string;
}

// A positive decimal as a person or the ECB writes it; no exponent, no sign, no thousands separator.
const RATE_RE = /^(?:\d+\.?\d*|\.\d+)$/;

/** Decimal text that is a rate above zero, or null. */
export function rateText(text: string): string | null {
  return RATE_RE.test(text) && /[1-9]/.test(text) ? text : null;
}

/** The file name without folders: a CLI path or an upload's name. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** The ECB's header: `Date`, then currency codes, and the empty field its trailing comma makes. */
function isEcbHeader(fields: readonly string[]): boolean {
  const codes = fields.at(-1)?.trim() === '' ? fields.slice(1, -1) : fields.slice(1);
  return fields[0]?.trim() === 'Date' && codes.length > 0 && codes.every((code) => CURRENCY_RE.test(code.trim()));
}

/** The pair a Yahoo FX file is for, from its name (`EURUSD=X.csv`), or null. */
export function pairFromFxFileName(fileName: string): FxPair | null {
  const match = /^(.+)\.csv$/i.exec(baseName(fileName));
  return match ? pairFromYahooSymbol(match[1]!) : null;
}

/**
 * Either kind of file, told apart by its header (the ECB's) or its name (a Yahoo pair's); any
 * other file is refused with what was expected.
 */
export function parseFxFile(text: string, file: string, options: FxFileOptions): ParsedFxFile {
  const records = readQuoteRecords(text, file);
  if (isEcbHeader(records[0].fields)) return parseEcbRecords(records, file, options);
  const pair = pairFromFxFileName(file);
  if (pair) return parseYahooFxRecords(records, file, pair, options);
  throw new QuoteDataError(
    `${file} is not an exchange-rate file Tiltfolio knows: expected the ECB's reference rates ` +
      `(a header Date,USD,JPY,…) or a Yahoo-format quotes file named for its pair, such as EURUSD=X.csv.`,
  );
}

function dayCell(file: string, record: CsvRecord, column: string, text: string, options: FxFileOptions): string {
  if (!isDay(text))
    throw new CsvRowError(file, record.line, column, `${JSON.stringify(text)} is not a date (use YYYY-MM-DD)`);
  if (options.today !== undefined && text > options.today)
    throw new CsvRowError(file, record.line, column, `${text} is after today (${options.today})`);
  return text;
}

function rateCell(file: string, record: CsvRecord, column: string, text: string): string {
  const rate = rateText(text);
  if (rate === null)
    throw new CsvRowError(file, record.line, column, `${JSON.stringify(text.slice(0, 40))} is not a rate above zero`);
  return rate;
}

/**
 * The ECB's `eurofxref-hist.csv`: one row per business day (newest first), one column per
 * currency giving units of it per 1 EUR, `N/A` where no rate was published. Each cell becomes a
 * rate of the pair EUR→code, source `ecb`.
 */
export function parseEcbRecords(
  records: readonly [CsvRecord, ...CsvRecord[]],
  file: string,
  options: FxFileOptions,
): ParsedFxFile {
  const header = records[0];
  const trailing = header.fields.at(-1)?.trim() === '';
  const codes = header.fields.slice(1, trailing ? -1 : undefined).map((code) => code.trim());
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated) throw new CsvRowError(file, header.line, repeated, 'appears twice in the header');
  if (codes.includes('EUR')) throw new CsvRowError(file, header.line, 'EUR', 'rates are per 1 EUR, so EUR has none');

  const rates: FxRate[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const record of records.slice(1)) {
    checkFieldCount(file, header, record);
    const day = dayCell(file, record, 'Date', record.fields[0]!.trim(), options);
    const earlier = seen.get(day);
    if (earlier !== undefined) throw new CsvRowError(file, record.line, 'Date', `repeats the day on line ${earlier}`);
    seen.set(day, record.line);
    codes.forEach((code, i) => {
      const text = record.fields[i + 1]!.trim();
      // N/A: a currency that did not exist yet or was retired; empty: the same, as others save it.
      if (text === 'N/A' || text === '') {
        skipped++;
        return;
      }
      const rate = rateCell(file, record, code, text);
      rates.push({ base: 'EUR', quote: code, day, rate, source: 'ecb', fetchedAt: options.fetchedAt });
    });
    if (trailing && record.fields.at(-1)!.trim() !== '') {
      throw new CsvRowError(file, record.line, null, `has a value after the last currency column`);
    }
  }
  if (rates.length === 0) throw new QuoteDataError(`${file} holds no rates.`);
  return { format: 'ecb', rates, skipped };
}

/**
 * A Yahoo-format quotes file of one pair (`Date,Open,High,Low,Close,Adj Close,Volume`): the Close
 * of each day is that day's rate, source `file`; Yahoo's `null` rows are skipped.
 */
export function parseYahooFxRecords(
  records: readonly [CsvRecord, ...CsvRecord[]],
  file: string,
  pair: FxPair,
  options: FxFileOptions,
): ParsedFxFile {
  const header = records[0];
  const find = (name: string) => header.fields.findIndex((field) => field.trim().toLowerCase() === name.toLowerCase());
  const dateAt = find('Date');
  const closeAt = find('Close');
  for (const [name, at] of [
    ['Date', dateAt],
    ['Close', closeAt],
  ] as const) {
    if (at < 0) {
      throw new CsvRowError(
        file,
        header.line,
        null,
        `the header has no ${name} column (found: ${header.fields.join(',').slice(0, 120)})`,
      );
    }
  }
  const rates: FxRate[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const record of records.slice(1)) {
    checkFieldCount(file, header, record);
    const day = dayCell(file, record, 'Date', record.fields[dateAt]!.trim(), options);
    const text = record.fields[closeAt]!.trim();
    if (text === '' || text.toLowerCase() === 'null') {
      skipped++;
      continue;
    }
    const rate = rateCell(file, record, 'Close', text);
    const earlier = seen.get(day);
    if (earlier !== undefined) throw new CsvRowError(file, record.line, 'Date', `repeats the day on line ${earlier}`);
    seen.set(day, record.line);
    rates.push({ ...pair, day, rate, source: 'file', fetchedAt: options.fetchedAt });
  }
  if (rates.length === 0) throw new QuoteDataError(`${file} holds no rates.`);
  rates.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { format: 'yahoo', rates, skipped };
}
