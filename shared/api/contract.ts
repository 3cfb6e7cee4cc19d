// The one list of everything the renderer may ask of the backend, and everything the backend may
// push back. Main's IPC handlers, the preload bridge, the browser host's routes and the renderer's
// client are all derived from these two maps, so adding a call means adding one entry here and
// one handler in electron/backend.
import { z } from 'zod';
import type { ApiErrorCode } from './errors';
import {
  deleteQuotesInput,
  deleteQuotesOutput,
  historyInput,
  importFileInput,
  importFileOutput,
  jobIdInput,
  manualPriceInput,
  quoteBar,
  quoteSeriesInfo,
  quotesProgress,
  refreshInput,
  refreshLogEntry,
  refreshLogInput,
  refreshStatus,
  refreshStarted,
} from './quotes-schemas';
import { appSettings, settingsPatch } from './settings-schemas';
import { realizedInput, realizedOutput } from './realized-schemas';
import { backupInfo, backupList, backupRestoreInput, backupRestoreOutput } from './backup-schemas';
import {
  transactionInput,
  transactionPage,
  transactionPageInput,
  transactionPosition,
  transactionPositionInput,
  transactionRow,
  transactionWithId,
} from './transaction-schemas';
import {
  fxCurrencies,
  fxDeletePairOutput,
  fxImportInput,
  fxImportOutput,
  fxManualRateInput,
  fxPairInput,
  fxPairSummary,
  fxRate,
} from './fx-schemas';
import { incomeInput, incomeOutput } from './income-schemas';
import { analyzeInput, analyzeOutput } from './analyze-schemas';
import { attributionInput, attributionOutput, signalsInput, signalsOutput } from './attribution-schemas';
import { healthReport } from './health-schemas';
import { holdingInput, holdingOutput } from './holding-schemas';
import {
  holdingsInput,
  holdingsOutput,
  instrumentRow,
  instrumentUpdate,
  performanceInput,
  performanceOutput,
  rotationInput,
  rotationOutput,
  rrgInput,
  rrgOutput,
  tiltOutput,
} from './portfolio-schemas';
import {
  csvDeletePresetOutput,
  csvExport,
  csvExportFile,
  csvExportFileInput,
  csvExportInput,
  csvImportFileInput,
  csvImportInput,
  csvOpenedFile,
  csvPreview,
  csvPreviewInput,
  csvProgress,
  importResult,
  presetInfo,
  presetName,
  savedPreset,
} from './csv-schemas';

const noInput = z.strictObject({});

// Control characters are refused here: SQLite's length() stops at a NUL, so "\u0000" would pass
// this check and then fail the table's own, as a 500 instead of a message.
const accountName = z
  .string()
  .trim()
  .min(1, 'Give the account a name.')
  .max(80, 'Keep the name under 80 characters.')
  // eslint-disable-next-line no-control-regex
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'Leave control characters (such as NUL) out of the name.');

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as USD.');

export const appInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser', 'cli']),
  dataDir: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  runtime: z.string(),
});

export const portfolioSummary = z.strictObject({
  accounts: z.number().int(),
  instruments: z.number().int(),
  transactions: z.number().int(),
  quoteBars: z.number().int(),
  isEmpty: z.boolean(),
});

export const costMethodSchema = z.enum(['fifo', 'lifo', 'hifo', 'average']);

export const account = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  currency: z.string(),
  createdAt: z.string(),
  /** The account's own cost method (docs/engine.md, "Cost methods"); null: the app-wide setting. */
  costMethod: costMethodSchema.nullable(),
});

export const calls = {
  'app:info': { input: noInput, output: appInfo },
  'portfolio:summary': { input: noInput, output: portfolioSummary },
  'accounts:list': { input: noInput, output: z.array(account) },
  'accounts:create': {
    input: z.strictObject({ name: accountName, currency: currencyCode }),
    output: account,
  },
  /** Sets an account's own cost method (null: the app-wide one); its ledger is replayed with it. */
  'accounts:update': {
    input: z.strictObject({ name: z.string().max(80), costMethod: costMethodSchema.nullable() }),
    output: account,
  },
  'quotes:list': { input: noInput, output: z.array(quoteSeriesInfo) },
  'quotes:history': { input: historyInput, output: z.array(quoteBar) },
  'quotes:refresh': { input: refreshInput, output: refreshStarted },
  'quotes:cancel': { input: jobIdInput, output: z.strictObject({ cancelled: z.boolean() }) },
  'quotes:importFile': {
    input: importFileInput,
    output: importFileOutput,
  },
  'quotes:setManualPrice': { input: manualPriceInput, output: quoteBar },
  'quotes:refreshLog': { input: refreshLogInput, output: z.array(refreshLogEntry) },
  /** The latest refresh job's tally and the last successful refresh, for the status line. */
  'quotes:refreshStatus': { input: noInput, output: refreshStatus },
  /** Removes a symbol's bars (a day range or all), e.g. a garbled bar from the future; emits data:changed. */
  'quotes:delete': { input: deleteQuotesInput, output: deleteQuotesOutput },
  // Exchange rates (issue 16; rules in fx-schemas.ts and docs/csv.md). Each write emits data:changed `fx`.
  /** Every cached pair: first and last day, days with a rate, sources. */
  'fx:pairs': { input: noInput, output: z.array(fxPairSummary) },
  /** The currencies the portfolio uses, the base currency, and the pairs a refresh fetches for them. */
  'fx:currencies': { input: noInput, output: fxCurrencies },
  /** The ECB's history or Yahoo pair files (EURUSD=X.csv), all or nothing; browser mode uploads the text. */
  'fx:importFiles': { input: fxImportInput, output: fxImportOutput },
  /** A rate typed by hand (source `manual`); it wins that day over rates fetched before it. */
  'fx:setManualRate': { input: fxManualRateInput, output: fxRate },
  /** Removes a pair's rates, every source. */
  'fx:deletePair': { input: fxPairInput, output: fxDeletePairOutput },
  'portfolio:holdings': { input: holdingsInput, output: holdingsOutput },
  'portfolio:performance': { input: performanceInput, output: performanceOutput },
  'portfolio:tilt': { input: noInput, output: tiltOutput },
  /** One holding's page (every account, or one): positions, lots, trades, prices, relative strength. */
  'portfolio:holding': { input: holdingInput, output: holdingOutput },
  /** Realized gains by tax year, lot by lot, with totals (shared/view/realized-gains.ts). */
  'portfolio:realized': { input: realizedInput, output: realizedOutput },
  /** Dividends and interest by month, year, holding and sleeve; TTM, yield on cost, forward estimate. */
  'portfolio:income': { input: incomeInput, output: incomeOutput },
  'rotation:series': { input: rotationInput, output: rotationOutput },
  'rotation:rrg': { input: rrgInput, output: rrgOutput },
  /** The figures behind `tiltfolio analyze`: change, highs, lows, drawdown, best window. */
  'analyze:symbol': { input: analyzeInput, output: analyzeOutput },
  /** Brinson–Fachler by sleeve against the blended benchmark, and risk, over a window (docs/engine.md). */
  'portfolio:attribution': { input: attributionInput, output: attributionOutput },
  /** What changed over a window, dated: RS crossings, quadrants, 52-week highs and lows, drift, overheating. */
  'portfolio:signals': { input: signalsInput, output: signalsOutput },
  /** What is suspect in the prices and trades, per symbol and account (docs/engine.md, "Data health"). */
  'health:check': { input: noInput, output: healthReport },
  'instruments:list': { input: noInput, output: z.array(instrumentRow) },
  'instruments:update': { input: instrumentUpdate, output: instrumentRow },
  /** Loads the bundled demo portfolio into an empty database. */
  'demo:load': {
    input: noInput,
    output: z.strictObject({ accounts: z.number().int(), transactions: z.number().int(), quoteBars: z.number().int() }),
  },
  /** Backs the database up now with SQLite's online backup API (docs/architecture.md, Backups). */
  'backup:create': { input: noInput, output: backupInfo },
  'backup:list': { input: noInput, output: backupList },
  /**
   * Restores one backup from the list, by its file name (never a path from the page); the current
   * database is kept first as the answer's `undo`, which restoring undoes this.
   */
  'backup:restore': { input: backupRestoreInput, output: backupRestoreOutput },
  'settings:get': { input: noInput, output: appSettings },
  'settings:set': { input: settingsPatch, output: appSettings },
  /** A page (at most TRANSACTIONS_PAGE_MAX rows), filtered and sorted in SQL; exports stream every row instead. */
  'transactions:list': { input: transactionPageInput, output: transactionPage },
  /** The index of one row in the list's order and filter: which page to open to show it. */
  'transactions:position': { input: transactionPositionInput, output: transactionPosition },
  'transactions:create': { input: transactionInput, output: transactionRow },
  'transactions:update': {
    input: z.strictObject({ id: z.number().int().positive(), transaction: transactionInput }),
    output: transactionRow,
  },
  /** Answers with the deleted row, which `transactions:restore` takes back for undo. */
  'transactions:delete': { input: z.strictObject({ id: z.number().int().positive() }), output: transactionRow },
  'transactions:restore': {
    input: z.strictObject({ row: transactionWithId }),
    output: transactionRow,
  },
  // CSV in and out (issue 6; schemas and rules in csv-schemas.ts and docs/csv.md).
  'csv:presets': { input: noInput, output: z.strictObject({ presets: z.array(presetInfo) }) },
  'csv:preview': { input: csvPreviewInput, output: csvPreview },
  'csv:import': { input: csvImportInput, output: importResult },
  /** The app's open dialog: a handle for the chosen file (never its path) and its start, for the preview. App only. */
  'csv:openFile': { input: noInput, output: csvOpenedFile },
  /**
   * Reads the file in the backend, streaming: for large files, and the CLI. The app takes the
   * handle from csv:openFile (or asks with its dialog) and refuses a path; not in browser mode.
   */
  'csv:importFile': { input: csvImportFileInput, output: importResult },
  /** Stops a running import by the jobId it was started with; it rolls back and answers `cancelled`. */
  'csv:cancelImport': { input: jobIdInput, output: z.strictObject({ cancelled: z.boolean() }) },
  'csv:savePreset': { input: savedPreset, output: presetInfo },
  'csv:deletePreset': { input: z.strictObject({ name: presetName }), output: csvDeletePresetOutput },
  'csv:export': { input: csvExportInput, output: csvExport },
  /** Writes the file in the backend, streaming: the app asks with its save dialog and refuses a path. Not in browser mode. */
  'csv:exportFile': { input: csvExportFileInput, output: csvExportFile },
} as const;

export const events = {
  'data:changed': z.strictObject({ scope: z.enum(['accounts', 'transactions', 'instruments', 'quotes', 'fx']) }),
  'quotes:progress': quotesProgress,
  'csv:progress': csvProgress,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
/** What a handler receives: the input after the schema has validated and normalised it. */
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;

export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.output<(typeof events)[N]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The backend side: one function per call, given validated input. */
export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

export type Unsubscribe = () => void;

export type EventListener<N extends EventName> = (payload: EventPayload<N>) => void;

/**
 * What the preload script puts on `window.tiltfolio`: one named method per call, answering with
 * the result envelope, and a subscription restricted to contract events. Nothing else crosses.
 */
export type Bridge = {
  [N in CallName]: (input: CallInput<N>) => Promise<ApiResult<CallOutput<N>>>;
} & {
  on<N extends EventName>(name: N, listener: EventListener<N>): Unsubscribe;
};

/** Every call answers with this envelope, so errors arrive structured over IPC and HTTP alike. */
export type { ApiErrorCode };

export interface ApiFailure {
  ok: false;
  error: { code: ApiErrorCode; message: string; issues?: string[] };
}

export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export const BRIDGE_KEY = 'tiltfolio';
