// Schemas of the CSV calls (issue 6): preview, import, presets, export, and the progress event.
import { z } from 'zod';
import { MAX_TYPE_WORD } from '../csv/column-values';
import { DATE_FORMATS } from '../csv/date-format';
import { NUMBER_FORMATS } from '../csv/number-format';
import { CONSTANT_FIELDS, MAPPABLE_FIELDS, MAX_EXTRA_FEES } from '../csv/presets/mapping';
import { TRANSACTION_TYPES } from '../domain/transaction';
import { fileHandle } from './file-handle';
import { daySchema, transactionInput } from './transaction-schemas';

export const EXPORT_KINDS = ['transactions', 'holdings', 'quotes', 'performance', 'rotation', 'realized'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** More words than a broker's list of booking types ever needs; a bound on the stored document. */
const MAX_TYPE_WORDS = 200;

export const csvDelimiter = z.enum([',', ';', '\t', '|']);

export const presetName = z
  .string()
  .trim()
  .min(1, 'Give the preset a name.')
  .max(60, 'Keep the preset name under 60 characters.');

/** A word of the file's type column → the transaction type it means ("Kaufauftrag" → buy). */
export const typeWords = z
  .record(
    z
      .string()
      .max(MAX_TYPE_WORD)
      .refine((word) => word.trim() !== '', 'A type word cannot be blank.'),
    z.enum(TRANSACTION_TYPES),
  )
  .refine((words) => Object.keys(words).length <= MAX_TYPE_WORDS, `At most ${MAX_TYPE_WORDS} type words.`);

export const columnMapping = z.strictObject({
  columns: z.partialRecord(z.enum(MAPPABLE_FIELDS), z.string().max(200)),
  constants: z.partialRecord(z.enum(CONSTANT_FIELDS), z.string().max(200)).optional(),
  /** More columns of charges (a broker's commission, fees, taxes), added to the fee column's. */
  extraFees: z.array(z.string().max(200)).max(MAX_EXTRA_FEES).optional(),
  typeValues: typeWords.optional(),
  absolute: z.boolean().optional(),
});

/** A mapping the user built and named; kept in the settings table under `csv.presets`. */
export const savedPreset = z.strictObject({
  name: presetName,
  mapping: columnMapping,
  delimiter: csvDelimiter.nullable().default(null),
  dateFormat: z.enum(DATE_FORMATS),
  numberFormat: z.enum(NUMBER_FORMATS),
});

export const presetInfo = z.strictObject({
  name: z.string(),
  label: z.string(),
  builtIn: z.boolean(),
  delimiter: z.string().nullable(),
  dateFormat: z.enum(DATE_FORMATS),
  numberFormat: z.enum(NUMBER_FORMATS),
  columns: z.array(
    z.strictObject({ key: z.string(), headers: z.array(z.string()), required: z.boolean(), description: z.string() }),
  ),
  notes: z.array(z.string()),
  mapping: columnMapping.optional(),
});

const importOptions = {
  /** A built-in or saved preset; the app's own format when neither this nor a mapping is given. */
  preset: presetName.optional(),
  /** A mapping from the mapping step; wins over `preset`. */
  mapping: columnMapping.optional(),
  delimiter: csvDelimiter.optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  numberFormat: z.enum(NUMBER_FORMATS).optional(),
  /** Every row goes to this account (created if missing); the file's account column is ignored. */
  account: z.string().trim().min(1).max(80).optional(),
  /** The currency of every row of a file without a currency column (a row naming another is refused). */
  currency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'Give the currency as a three-letter code such as USD.')
    .transform((code) => code.toUpperCase())
    .optional(),
  dryRun: z.boolean().default(false),
  /** Save `mapping` with the formats under this name once the import has succeeded. */
  savePresetAs: presetName.optional(),
  /** Names the import in `csv:progress` events; chosen by the caller so it can listen first. */
  jobId: z.string().min(1).max(64).optional(),
};

export const csvImportInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  content: z.string(),
  ...importOptions,
});

/** A path the user typed in their own shell: the CLI's only. The app and the browser refuse it. */
const cliPath = z.string().min(1).max(4096);

export const csvImportFileInput = z
  .strictObject({
    /** In the app: the handle csv:openFile answered with, taken once. With neither, its open dialog asks. */
    file: fileHandle.optional(),
    /** The CLI's. */
    path: cliPath.optional(),
    ...importOptions,
  })
  .refine((input) => input.file === undefined || input.path === undefined, {
    message: 'Give a file handle or a path, not both.',
    path: ['file'],
  });

/** A file chosen in the app's open dialog: a handle for csv:importFile (never its path), and its start for the preview. */
export const csvOpenedFile = z.strictObject({
  cancelled: z.boolean(),
  /** Null when the dialog was cancelled. */
  file: fileHandle.nullable(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  /** About the first 64 KB, cut after the last complete line (as text, for csv:preview). */
  head: z.string(),
});

export const importProblem = z.strictObject({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().optional(),
  reason: z.string(),
});

export const importResult = z.strictObject({
  jobId: z.string(),
  fileName: z.string(),
  presetName: z.string(),
  dryRun: z.boolean(),
  /** True when the rows are in the database: never for a dry run, a failed or a cancelled import. */
  committed: z.boolean(),
  cancelled: z.boolean(),
  /** Data records read (the header is not counted). */
  rows: z.number().int(),
  added: z.number().int(),
  duplicates: z.number().int(),
  /**
   * Rows a preset reads and deliberately leaves out (the cash side of a trade in Portfolio
   * Performance's account export), with one sentence per reason saying how many and why.
   */
  skipped: z.number().int(),
  skippedMessages: z.array(z.string()),
  /**
   * Added rows in another currency than their account's that carry no broker rate (fx_rate), per
   * pair: the day's cached rate converts them. One sentence per pair in `fxRateMessages`.
   */
  withoutFxRate: z.array(z.strictObject({ currency: z.string(), accountCurrency: z.string(), rows: z.number().int() })),
  fxRateMessages: z.array(z.string()),
  accountsCreated: z.array(z.string()),
  errors: z.array(importProblem),
  errorCount: z.number().int(),
  /** `errors` as sentences naming file, line and column, with "and N more" past the cap. */
  errorMessages: z.array(z.string()),
  /** The first rows that are (or, for a dry run, would be) added. */
  preview: z.array(transactionInput),
});

export const csvPreviewInput = z.strictObject({
  /** The start of the file (about 64 KB is plenty); a cut-off last line is ignored. */
  content: z.string().max(4 * 1024 * 1024),
  preset: presetName.optional(),
  delimiter: csvDelimiter.optional(),
});

export const csvPreview = z.strictObject({
  delimiter: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** The preset whose columns the header has, if any. */
  suggestedPreset: z.string().nullable(),
  /** A starting mapping for the mapping step: field → header. */
  mapping: columnMapping,
  dateFormat: z.enum(DATE_FORMATS).nullable(),
  numberFormat: z.enum(NUMBER_FORMATS).nullable(),
  /**
   * Per column of `header`, its distinct non-blank values in all of the given content (not only
   * `rows`), or null when there are too many (or too long) to be type words: what the mapping
   * step offers to map to transaction types.
   */
  columnValues: z.array(z.array(z.string()).nullable()),
  /** Why the preview stopped early (a broken quote, say), if it did. */
  problem: z.string().nullable(),
});

export const csvDeletePresetOutput = z.strictObject({
  deleted: z.boolean(),
  /** What was deleted, so that it can be saved again (undo); null when there was no such preset. */
  preset: savedPreset.nullable(),
});

export const csvExportInput = z.strictObject({
  kind: z.enum(EXPORT_KINDS),
  asOf: daySchema.optional(),
  /** The realized export: sales of this tax year only (every year when left out). */
  year: z.number().int().min(1900).max(9999).optional(),
  /**
   * OWASP's formula guard: an apostrophe before a text cell that begins with =, +, -, @, a tab or
   * a carriage return, so a spreadsheet shows it instead of running it. On unless false; the app's
   * own import takes it off again (docs/csv.md).
   */
  formulaGuard: z.boolean().optional(),
});

export const csvExport = z.strictObject({
  kind: z.enum(EXPORT_KINDS),
  fileName: z.string(),
  content: z.string(),
  rows: z.number().int(),
});

export const csvExportFileInput = csvExportInput.extend({
  /** The CLI's. In the app, the file is always chosen in its save dialog, which the call opens. */
  path: cliPath.optional(),
});

export const csvExportFile = z.strictObject({
  kind: z.enum(EXPORT_KINDS),
  /** Where it was written, for the message; null when the user cancelled the save dialog. */
  path: z.string().nullable(),
  rows: z.number().int(),
});

export const csvProgress = z.strictObject({
  jobId: z.string(),
  phase: z.enum(['reading', 'checking', 'writing', 'done']),
  rowsDone: z.number().int().nonnegative(),
  rowsTotal: z.number().int().nonnegative().optional(),
  bytesDone: z.number().int().nonnegative().optional(),
  bytesTotal: z.number().int().nonnegative().optional(),
});

export type ColumnMappingInput = z.output<typeof columnMapping>;
export type SavedPreset = z.output<typeof savedPreset>;
export type PresetInfo = z.output<typeof presetInfo>;
export type ImportResult = z.output<typeof importResult>;
export type CsvImportOptions = z.output<z.ZodObject<typeof importOptions>>;
export type CsvPreview = z.output<typeof csvPreview>;
export type CsvProgress = z.output<typeof csvProgress>;
