// Streams a CSV file into records with the line each starts on, as a text editor numbers lines.
// Bytes are decoded as strict UTF-8 (a file in another encoding is refused, not garbled), a BOM
// is dropped, and the CSV itself is split by csv-parse: RFC 4180 quoting, any of CRLF, LF or CR.
import { Readable, pipeline } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { detectDelimiter, firstLine } from '../../shared/csv/detect';
import { jsonQuotedCells } from '../../shared/csv/json-quoted';
import { readJsonQuotedLines } from './read-json-lines';

export type RecordSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface CsvRecord {
  cells: string[];
  /** 1-based line where the record starts (the header is line 1). */
  line: number;
}

export interface ReadOptions {
  /** null or absent: detected from the first line. */
  delimiter?: string | null;
  /** Records per batch handed to the caller, who yields to the event loop between batches. */
  batchSize?: number;
  /** A longer record is refused: it would otherwise be buffered whole. */
  maxRecordChars?: number;
  onBytes?: (bytesRead: number) => void;
  onDelimiter?: (delimiter: string) => void;
  /**
   * Called with the header when its every cell is a JSON string (`"date","symbol",…` parses as
   * JSON): true reads the file line by line as JSON-quoted cells (Wealthfolio's export).
   */
  jsonQuoted?: (header: readonly string[]) => boolean;
}

/** The file cannot be read as CSV at all (encoding, a broken quote): nothing after it is trusted. */
export class CsvReadError extends Error {
  constructor(
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
    this.name = 'CsvReadError';
  }
}

export const MAX_RECORD_CHARS = 1_000_000;

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Bytes before the first invalid UTF-8 sequence (a sequence cut off by the chunk's end is fine). */
function validPrefixLength(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodes(bytes.subarray(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const NOT_UTF8 = 'is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in Excel) and import it again';

// 128 KiB (or 128 Ki characters) is about 2,000 records: parsed in one go by csv-parse, a
// slice is a stretch of a few milliseconds, so the thread between slices keeps answering calls.
const SLICE = 1 << 17;

/**
 * The source in slices (an upload is one string; a file stream's chunks are 1 MiB): the parser
 * then works through it in short steps, and the import yields to the event loop between them. A
 * string slice never ends between the two halves of a surrogate pair; a byte slice may end inside
 * a UTF-8 sequence, which the streaming decoder joins.
 */
async function* sliced(source: RecordSource): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of source) {
    if (chunk.length <= SLICE) {
      yield chunk;
      continue;
    }
    for (let start = 0; start < chunk.length;) {
      let end = Math.min(start + SLICE, chunk.length);
      if (typeof chunk === 'string') {
        const last = chunk.charCodeAt(end - 1);
        if (end < chunk.length && last >= 0xd800 && last <= 0xdbff) end--;
        yield chunk.slice(start, end);
      } else {
        yield chunk.subarray(start, end);
      }
      start = end;
    }
  }
}

/** Text chunks from bytes or strings, strictly decoded, with the BOM removed. */
async function* decodeText(source: RecordSource, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  let newlines = 0;
  let first = true;
  for await (const chunk of sliced(source)) {
    let text: string;
    if (typeof chunk === 'string') {
      text = first ? chunk.replace(/^\uFEFF/, '') : chunk;
      bytes += chunk.length;
    } else {
      if (
        first &&
        chunk.length >= 2 &&
        ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
      ) {
        throw new CsvReadError(1, 'is UTF-16 text; save the file as UTF-8 (CSV UTF-8 in Excel) and import it again');
      }
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const valid = new TextDecoder('utf-8').decode(chunk.subarray(0, validPrefixLength(chunk)));
        throw new CsvReadError(newlines + countNewlines(valid) + 1, NOT_UTF8);
      }
      bytes += chunk.length;
    }
    first = false;
    newlines += countNewlines(text);
    onBytes?.(bytes);
    if (text !== '') yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch {
    throw new CsvReadError(newlines + 1, NOT_UTF8);
  }
}

/** Holds text back until the first line is complete, so the delimiter can be detected from it. */
async function* withDelimiter(
  text: AsyncIterable<string>,
  given: string | null | undefined,
  found: (delimiter: string) => void,
): AsyncGenerator<string> {
  if (given) {
    found(given);
    yield* text;
    return;
  }
  let head = '';
  let decided = false;
  for await (const chunk of text) {
    if (decided) {
      yield chunk;
      continue;
    }
    head += chunk;
    if (/[\r\n]/.test(head)) {
      decided = true;
      found(detectDelimiter(firstLine(head)));
      yield head;
    }
  }
  if (!decided) {
    found(detectDelimiter(firstLine(head)));
    if (head !== '') yield head;
  }
}

function describeCsvError(error: CsvError, maxRecordChars: number): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a quote that is never closed';
    case 'INVALID_OPENING_QUOTE':
      return 'has a quote inside a field that does not start with one (quote the whole field and double the quote)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'has text right after a closing quote (quotes inside a field must be doubled)';
    case 'CSV_MAX_RECORD_SIZE':
      return `has a record longer than ${maxRecordChars.toLocaleString('en-US')} characters`;
    default:
      return `cannot be read as CSV (${error.message})`;
  }
}

/**
 * Batches of records, header first. Empty lines are skipped (but counted). Throws CsvReadError
 * for a file that cannot be read further.
 */
export async function* readCsvRecords(source: RecordSource, options: ReadOptions = {}): AsyncGenerator<CsvRecord[]> {
  const batchSize = options.batchSize ?? 2000;
  const maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  let delimiter = ',';
  const text = withDelimiter(decodeText(source, options.onBytes), options.delimiter, (found) => {
    delimiter = found;
    options.onDelimiter?.(found);
  });
  // The delimiter is needed before the parser exists: take the first chunk by hand.
  const firstChunk = await text.next();
  if (firstChunk.done) return;
  async function* rest(): AsyncGenerator<string> {
    yield firstChunk.value as string;
    yield* text;
  }
  if (options.jsonQuoted !== undefined && delimiter === ',') {
    const header = jsonQuotedCells(firstLine(firstChunk.value as string));
    if (header !== null && options.jsonQuoted(header)) {
      yield* readJsonQuotedLines(rest(), batchSize, maxRecordChars);
      return;
    }
  }
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: maxRecordChars,
  });
  // Records are taken from 'data' events, which csv-parse emits as it parses: every record before
  // a broken one arrives (an async iterator would drop them when the error destroys the stream),
  // so the line count stays right for the error message.
  let line = 1;
  let pending: CsvRecord[] = [];
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  parser.on('data', (cells: string[]) => {
    const start = line;
    let breaks = 0;
    for (const cell of cells) {
      if (cell.length > 0 && (cell.includes('\n') || cell.includes('\r'))) breaks += countLineBreaks(cell);
    }
    line += breaks + 1;
    if (cells.length === 1 && cells[0] === '') return;
    pending.push({ cells, line: start });
    if (pending.length >= batchSize) {
      parser.pause();
      notify();
    }
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  pipeline(Readable.from(rest()), parser, (error) => {
    if (error) failure ??= error;
    notify();
  });

  try {
    yield* drain();
  } finally {
    // A caller that stops early (a fatal problem, a cancelled job) must not leave the file open.
    if (!ended) parser.destroy();
  }

  async function* drain(): AsyncGenerator<CsvRecord[]> {
    for (;;) {
      if (pending.length >= batchSize || ((ended || failure !== null) && pending.length > 0)) {
        const batch = pending;
        pending = [];
        if (failure === null) parser.resume();
        yield batch;
        continue;
      }
      if (failure !== null) {
        if (failure instanceof CsvReadError) throw failure;
        if (failure instanceof CsvError) throw new CsvReadError(line, describeCsvError(failure, maxRecordChars));
        throw failure;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }
}
