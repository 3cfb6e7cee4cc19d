import type { DateFormat } from './date-format';
import type { NumberFormat } from './number-format';

/** A column a preset reads, known by any of several header names (languages, app versions). */
export interface SourceColumn {
  /** Matched ignoring case and surrounding spaces; the first is the one the docs show. */
  headers: readonly string[];
  required?: boolean;
  description: string;
}

/** A transaction as a preset reads it from one record, before the contract's schema checks it. */
export interface Draft {
  date: string;
  time: string | null;
  account: string;
  type: string;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  fee: string | null;
  amount: string | null;
  currency: string;
  /** The broker's rate (account currency per unit of `currency`) when the file gives one. */
  fxRate?: string | null;
  note: string;
}

export type DraftField = keyof Draft;

export interface ParsedDate {
  day: string;
  time: string | null;
}

/**
 * One record as a preset sees it. Reading a cell that fails (a bad number, an unknown type)
 * records a problem naming the file's column and returns undefined; the record is then refused.
 */
export interface Cells<K extends string> {
  /** The cell, trimmed; '' when the file has no such column. */
  text(key: K): string;
  /** The cell exactly as written (notes keep their spaces). */
  raw(key: K): string;
  has(key: K): boolean;
  /** A plain decimal in the import's number format; null when blank. `absolute` drops a minus sign. */
  number(key: K, options?: { absolute?: boolean; required?: boolean }): string | null | undefined;
  /** The cell as a date; `text` instead of the cell when the preset took the date out of it. */
  date(key: K, text?: string): ParsedDate | undefined;
  /** The import's account if one was chosen, else the first non-blank of these columns. */
  account(...keys: K[]): string | undefined;
  problem(key: K | null, reason: string, value?: string): undefined;
  /** Leaves the record out on purpose, without a problem; the import reports how many and why. */
  skip(reason: string): null;
}

export interface Preset<K extends string = string> {
  name: string;
  label: string;
  builtIn: boolean;
  /** null: detect from the header line. */
  delimiter: string | null;
  dateFormat: DateFormat;
  numberFormat: NumberFormat;
  columns: Readonly<Record<K, SourceColumn>>;
  /** Columns that name the account, in order of preference; none means the user must choose one. */
  accountColumns: readonly K[];
  /** No column gives the currency and the preset fixes none: the import must choose one for the file. */
  needsCurrency?: boolean;
  /** Which column each transaction field comes from, so schema errors name the file's column. */
  fieldSources: Readonly<Partial<Record<DraftField, K>>>;
  /** What the preset changes or drops, for the docs and the preset list. */
  notes: readonly string[];
  /**
   * Records with fewer fields than the header are read with the missing trailing cells blank
   * (Ghostfolio's own files leave off an empty last Note field); without it they are refused.
   */
  acceptsShortRecords?: boolean;
  /**
   * Whether a file with this header (cells as read) writes every cell as a JSON string, one
   * record per line, as Wealthfolio's export does (`"a \"quoted\" note"`); such a file is read so.
   */
  jsonQuoted?(header: readonly string[]): boolean;
  /**
   * A draft, or several for a record that holds more than one transaction (Wealthfolio's DRIP
   * dividend is a dividend and a buy); undefined after a problem; null for a record left out
   * through `skip`.
   */
  read(cells: Cells<K>): Draft | readonly Draft[] | undefined | null;
}

// Presets are stored by their column keys, which vary per preset; code that handles any preset
// works with string keys.
export type AnyPreset = Preset<string>;
