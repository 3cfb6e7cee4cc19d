// From a header and records (already split into cells by the CSV library) to the contract's
// transactionInput, with every problem tied to a line and a column of the file.
import { transactionInput, type TransactionInput } from '../api/transaction-schemas';
import { parseDate, type DateFormat } from './date-format';
import { CHOICE_HINTS, type Wording } from './file-choices';
import { parseNumber, type NumberFormat } from './number-format';
import type { AnyPreset, Cells, Draft, DraftField, ParsedDate } from './preset-types';
import type { ImportProblem } from './problems';

export interface BindOptions {
  /** Every row goes to this account; the file's account column, if any, is ignored. */
  account?: string | null;
  /**
   * The currency of every row of a file without a currency column: a row whose own currency is
   * blank takes it, one that names another is refused.
   */
  currency?: string | null;
  dateFormat?: DateFormat;
  numberFormat?: NumberFormat;
  /** Problems name the import screen's fields ('app', the default) or the CLI's options. */
  wording?: Wording;
}

export interface Binding {
  preset: AnyPreset;
  header: readonly string[];
  /** Column index per preset key, for the keys the file has. */
  index: ReadonlyMap<string, number>;
  account: string | null;
  currency: string | null;
  dateFormat: DateFormat;
  numberFormat: NumberFormat;
}

export type BindResult = { ok: true; binding: Binding } | { ok: false; problems: ImportProblem[] };

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

/** Finds the preset's columns in the header; a missing required column is a problem on line 1. */
export function bindHeader(preset: AnyPreset, header: readonly string[], options: BindOptions = {}): BindResult {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  const index = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const [key, column] of Object.entries(preset.columns)) {
    const found = column.headers.map((h) => positions.get(normaliseHeader(h))).find((i) => i !== undefined);
    if (found !== undefined) index.set(key, found);
    else if (column.required) {
      const names = column.headers.map((h) => JSON.stringify(h)).join(' or ');
      problems.push({ line: 1, column: null, reason: `has no column ${names} (the ${preset.label} preset needs it)` });
    }
  }
  const account = options.account?.trim() || null;
  const currency = options.currency?.trim().toUpperCase() || null;
  const hints = CHOICE_HINTS[options.wording ?? 'app'];
  if (account === null && !preset.accountColumns.some((key) => index.has(key))) {
    problems.push({ line: 1, column: null, reason: `has no account column: ${hints.account}` });
  }
  if (currency === null && preset.needsCurrency === true) {
    problems.push({ line: 1, column: null, reason: `has no currency column: ${hints.currency}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    binding: {
      preset,
      header,
      index,
      account,
      currency,
      dateFormat: options.dateFormat ?? preset.dateFormat,
      numberFormat: options.numberFormat ?? preset.numberFormat,
    },
  };
}

const NO_MORE: readonly TransactionInput[] = [];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export type ReadResult =
  | {
      ok: true;
      input: TransactionInput;
      /** Further transactions of the same record. */ more: readonly TransactionInput[];
    }
  | { ok: true; input: null; skipped: string }
  | { ok: false; problems: ImportProblem[] };

/**
 * Reads records against one binding. One instance per import: it reuses its cell accessor, since
 * a million-row file passes through here.
 */
export class RecordReader {
  private record: readonly string[] = [];
  private line = 0;
  private problems: ImportProblem[] = [];
  private skipped = '';
  /** Currencies named by marks in this record's numbers ("€12"), to check against its currency. */
  private marks: { key: string; text: string; currency: string }[] = [];
  private readonly cells: Cells<string>;

  constructor(readonly binding: Binding) {
    this.cells = this.makeCells();
  }

  /** The file's name for a preset key (its header), or the key when the file lacks it. */
  columnName(key: string | null | undefined): string | null {
    if (key === null || key === undefined) return null;
    const i = this.binding.index.get(key);
    return i === undefined ? key : (this.binding.header[i] ?? key).trim();
  }

  read(record: readonly string[], line: number): ReadResult {
    this.record = record;
    this.line = line;
    this.problems = [];
    this.skipped = '';
    this.marks = [];
    const expected = this.binding.header.length;
    const short = record.length < expected && this.binding.preset.acceptsShortRecords === true;
    if (record.length !== expected && !short) {
      return { ok: false, problems: [{ line, column: null, reason: fieldCountReason(record.length, expected) }] };
    }
    const read = this.binding.preset.read(this.cells);
    if (read === null && this.problems.length === 0) return { ok: true, input: null, skipped: this.skipped };
    if (read === undefined || read === null || this.problems.length > 0) {
      if (this.problems.length === 0) this.problems.push({ line, column: null, reason: 'could not be read' });
      return { ok: false, problems: this.problems };
    }
    // The usual record is one transaction: no arrays for it (a million-row file passes here).
    if (!Array.isArray(read)) {
      const result = this.check(read as Draft);
      return result.ok ? { ok: true, input: result.input, more: NO_MORE } : result;
    }
    const drafts = read as readonly Draft[];
    const inputs: TransactionInput[] = [];
    const problems: ImportProblem[] = [];
    for (const draft of drafts) {
      const result = this.check(draft);
      if (result.ok) inputs.push(result.input);
      else problems.push(...result.problems);
    }
    const [input, ...more] = inputs;
    if (problems.length > 0 || input === undefined) {
      if (problems.length === 0) problems.push({ line, column: null, reason: 'could not be read' });
      return { ok: false, problems };
    }
    return { ok: true, input, more };
  }

  /** The contract's schema checks of one draft. */
  private check(draft: Draft): { ok: true; input: TransactionInput } | { ok: false; problems: ImportProblem[] } {
    const line = this.line;
    const before = this.problems.length;
    this.checkCurrency(draft);
    if (this.problems.length > before) return { ok: false, problems: this.problems.slice(before) };
    const parsed = transactionInput.safeParse(draft);
    if (parsed.success) {
      // The accounts table checks names with SQLite's trim and length, which stop at control
      // characters such as NUL; refuse them here with a message instead of a constraint error.
      if (CONTROL_CHARACTER.test(parsed.data.account)) {
        return {
          ok: false,
          problems: [
            {
              line,
              column: this.columnName(this.binding.preset.accountColumns[0]) ?? 'account',
              value: parsed.data.account,
              reason: 'contains a control character; account names are plain text',
            },
          ],
        };
      }
      return { ok: true, input: parsed.data };
    }
    return { ok: false, problems: parsed.error.issues.map((issue) => this.schemaProblem(draft, issue)) };
  }

  /** The file-wide currency fills a blank one; a mark such as "€" must agree with the row's currency. */
  private checkCurrency(draft: Draft): void {
    const chosen = this.binding.currency;
    const own = draft.currency.trim().toUpperCase();
    const column = this.binding.preset.fieldSources.currency ?? null;
    if (chosen !== null) {
      if (own === '') draft.currency = chosen;
      else if (own !== chosen) {
        this.cells.problem(column, `is not the currency chosen for the whole file (${chosen})`, draft.currency);
        return;
      }
    }
    const currency = draft.currency.trim().toUpperCase();
    if (currency === '') return;
    for (const mark of this.marks) {
      if (mark.currency !== currency) {
        this.cells.problem(mark.key, `is in ${mark.currency}, but the row's currency is ${currency}`, mark.text);
      }
    }
  }

  private schemaProblem(draft: Draft, issue: { path: PropertyKey[]; message: string }): ImportProblem {
    const field = String(issue.path[0] ?? '') as DraftField;
    const source = this.binding.preset.fieldSources[field];
    const value = Object.hasOwn(draft, field) ? draft[field] : null;
    const problem: ImportProblem = {
      line: this.line,
      column: this.columnName(source) ?? field,
      reason: `is not accepted: ${lowerFirst(issue.message)}`,
    };
    if (typeof value === 'string') problem.value = value;
    return problem;
  }

  private makeCells(): Cells<string> {
    const cell = (key: string): string => {
      const i = this.binding.index.get(key);
      return i === undefined ? '' : (this.record[i] ?? '');
    };
    const problem = (key: string | null, reason: string, value?: string): undefined => {
      const entry: ImportProblem = { line: this.line, column: this.columnName(key), reason };
      if (value !== undefined) entry.value = value;
      this.problems.push(entry);
      return undefined;
    };
    return {
      text: (key) => cell(key).trim(),
      raw: cell,
      has: (key) => this.binding.index.has(key),
      number: (key, options = {}) => {
        const text = cell(key).trim();
        if (text === '') return options.required ? problem(key, 'is empty; a number is needed', text) : null;
        const result = parseNumber(text, this.binding.numberFormat);
        if (!result.ok) return problem(key, result.reason, text);
        if (result.currency !== undefined) this.marks.push({ key, text, currency: result.currency });
        return options.absolute && result.value.startsWith('-') ? result.value.slice(1) : result.value;
      },
      date: (key, given): ParsedDate | undefined => {
        const text = (given ?? cell(key)).trim();
        if (text === '') return problem(key, 'is empty; a date is needed');
        const result = parseDate(text, this.binding.dateFormat);
        return result.ok ? { day: result.day, time: result.time } : problem(key, result.reason, text);
      },
      account: (...keys) => {
        if (this.binding.account !== null) return this.binding.account;
        for (const key of keys) {
          const name = cell(key).trim();
          if (name !== '') return name;
        }
        return problem(keys[0] ?? null, 'is empty; every row needs an account (or choose one for the whole file)');
      },
      problem,
      skip: (reason) => {
        this.skipped = reason;
        return null;
      },
    };
  }
}

function fieldCountReason(count: number, expected: number): string {
  const counts = `has ${count} field${count === 1 ? '' : 's'}; the header has ${expected}`;
  if (count < expected) return counts;
  // The usual cause, said so the user can find it: values after it sit under the wrong columns.
  const extra = count - expected;
  return `${counts}: ${extra === 1 ? 'one delimiter' : `${extra} delimiters`} too many (or a value holding the delimiter is not in quotes), so the values after it are under the wrong columns`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
