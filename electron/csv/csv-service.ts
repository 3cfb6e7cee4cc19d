// The csv:* calls of the contract. No Electron here: the app passes a file chooser (its open and
// save dialogs) in; the browser host and the CLI pass none.
import fs from 'node:fs';
import path from 'node:path';
import type { CsvImportOptions, ImportResult, SavedPreset } from '../../shared/api/csv-schemas';
import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { FILE_HANDLE_TTL_MS } from '../../shared/api/file-handle';
import { ColumnValues } from '../../shared/csv/column-values';
import {
  detectDelimiter,
  firstLine,
  suggestExtraFees,
  suggestMapping,
  suggestPreset,
  wholeLines,
} from '../../shared/csv/detect';
import { guessDateFormat, type DateFormat } from '../../shared/csv/date-format';
import { emptyImportResult } from '../../shared/csv/import-result';
import { guessNumberFormat, type NumberFormat } from '../../shared/csv/number-format';
import type { AnyPreset } from '../../shared/csv/preset-types';
import { BUILT_IN_PRESETS, DEFAULT_PRESET } from '../../shared/csv/presets';
import type { BackendContext } from '../backend/backend-context';
import { localDay } from '../backend/local-day';
import type { OwnConnection } from '../db/store';
import {
  EXPORTERS,
  ExportUnavailableError,
  exportFileName,
  exportToString,
  portfolioSource,
  type ExportContext,
} from './exporters';
import { exportToFile } from './export-file';
import { importTransactions } from './import-transactions';
import { createPresetsStore, presetFromSaved } from './presets-store';
import { readCsvRecords, type RecordSource } from './read-records';

/** What the backend asks of the app's dialogs (main answers: electron/main/file-dialogs.ts). */
export interface FileRequest {
  purpose: 'import' | 'export';
  /** For a save dialog. */
  defaultName?: string;
  /** csv:openFile: keep the chosen file under a handle, which the page passes back to csv:importFile. */
  keep?: boolean;
  /** csv:importFile: no dialog, the file kept under this handle; main hands it out once. */
  handle?: string;
}

/** A file the user chose: its path stays on this side; the handle, when one was asked for, goes to the page. */
export interface ChosenFile {
  path: string;
  handle?: string;
}

/** Null: the dialog was cancelled, or the handle is unknown, used or expired. */
export type ChooseFile = (request: FileRequest) => Promise<ChosenFile | null>;

type CsvHandlers = Pick<
  Handlers,
  | 'csv:presets'
  | 'csv:preview'
  | 'csv:import'
  | 'csv:openFile'
  | 'csv:importFile'
  | 'csv:cancelImport'
  | 'csv:savePreset'
  | 'csv:deletePreset'
  | 'csv:export'
  | 'csv:exportFile'
>;

const PREVIEW_ROWS = 20;

export function csvHandlers({ store, events, host, now: clock, handlers }: BackendContext): CsvHandlers {
  /** The portfolio views, for the holdings, performance and rotation exports. */
  const portfolio = portfolioSource(handlers);
  const presets = createPresetsStore(store.settings);
  let jobs = 0;
  /** Imports under way, by job id: what csv:cancelImport stops. */
  const running = new Map<string, AbortController>();

  /** Exports wait between their steps: they read on a connection of their own (store.ts says why). */
  const withConnection = store.withOwnConnection;

  /** The request's column mapping with its formats, as it is saved under `savePresetAs`. */
  function mappingOf(request: CsvImportOptions): SavedPreset | undefined {
    if (!request.mapping) return undefined;
    return {
      name: request.savePresetAs ?? 'custom',
      mapping: request.mapping,
      delimiter: request.delimiter ?? null,
      dateFormat: request.dateFormat ?? 'YYYY-MM-DD',
      numberFormat: request.numberFormat ?? '1234.56',
    };
  }

  function resolvePreset(request: CsvImportOptions): AnyPreset {
    const mapping = mappingOf(request);
    if (mapping) return presetFromSaved(mapping, request.savePresetAs ?? 'Custom mapping');
    if (request.savePresetAs) {
      throw new ApiError('invalid_input', 'Only a column mapping can be saved as a preset.', [
        'savePresetAs: no mapping',
      ]);
    }
    if (request.preset === undefined) return DEFAULT_PRESET;
    const preset = presets.find(request.preset);
    if (!preset) {
      const known = presets
        .list()
        .map((p) => p.name)
        .join(', ');
      throw new ApiError('invalid_input', `There is no preset named "${request.preset}" (known: ${known}).`, [
        'preset: unknown',
      ]);
    }
    return preset;
  }

  async function runImport(
    request: CsvImportOptions,
    openSource: () => RecordSource,
    fileName: string,
    bytesTotal: number | undefined,
  ): Promise<ImportResult> {
    const preset = resolvePreset(request);
    const jobId = request.jobId ?? `csv-import-${++jobs}`;
    const now = clock();
    const bind: Parameters<typeof importTransactions>[1]['bind'] = {};
    if (request.account !== undefined) bind.account = request.account;
    if (request.currency !== undefined) bind.currency = request.currency;
    bind.wording = host.mode === 'cli' ? 'cli' : 'app';
    if (request.dateFormat !== undefined) bind.dateFormat = request.dateFormat;
    if (request.numberFormat !== undefined) bind.numberFormat = request.numberFormat;
    if (running.has(jobId)) {
      throw new ApiError('invalid_input', `An import with the job id "${jobId}" is already running.`, [
        'jobId: in use',
      ]);
    }
    const controller = new AbortController();
    running.set(jobId, controller);
    // At the writer's turn, on a connection of its own (store.ts says why). The file is opened
    // then: a call refused before (a preset unknown, the writer busy) leaves no stream behind.
    const result = await store
      .importOnOwnConnection((writer) =>
        importTransactions(writer, {
          source: openSource(),
          fileName,
          ...(bytesTotal === undefined ? {} : { bytesTotal }),
          preset,
          bind,
          delimiter: request.delimiter ?? null,
          dryRun: request.dryRun,
          today: localDay(now),
          now: now.toISOString(),
          jobId,
          onProgress: (progress) => events.emit('csv:progress', progress),
          signal: controller.signal,
        }),
      )
      .finally(() => running.delete(jobId));
    const mapping = mappingOf(request);
    if (result.errorCount === 0 && request.savePresetAs && mapping) await store.write(() => presets.save(mapping));
    if (result.committed) {
      if (result.accountsCreated.length > 0) events.emit('data:changed', { scope: 'accounts' });
      events.emit('data:changed', { scope: 'transactions' });
    }
    return result;
  }

  function context(connection: OwnConnection, asOf: string | undefined, year?: number): ExportContext {
    return { exports: connection.exports, asOf: asOf ?? null, year: year ?? null, portfolio };
  }

  function refuseInBrowser(what: string): void {
    if (host.mode === 'browser') {
      throw new ApiError(
        'invalid_input',
        `${what} by path works in the app and the CLI; in the browser, use the upload or download instead.`,
      );
    }
  }

  /**
   * The file to read or write. A path is the CLI's, typed in the user's own shell; the app takes
   * none from its page (a crafted page could name ~/.bashrc or /etc/passwd): there the file comes
   * from main's dialogs, directly or by the handle of one chosen earlier.
   */
  async function chooseFile(
    given: { path?: string | undefined; file?: string | undefined },
    request: FileRequest,
  ): Promise<string | null> {
    if (given.path !== undefined) {
      if (host.mode === 'electron') {
        throw new ApiError(
          'invalid_input',
          'The app reads and writes only files chosen in its own open and save dialogs, never a path from the page.',
          ['path: not accepted in the app'],
        );
      }
      return path.resolve(given.path);
    }
    if (!host.chooseFile) {
      const issue = given.file === undefined ? 'path: required' : 'file: handles are the app’s';
      throw new ApiError('invalid_input', 'Give the path of the file.', [issue]);
    }
    if (given.file === undefined) return (await host.chooseFile(request))?.path ?? null;
    const kept = await host.chooseFile({ purpose: request.purpose, handle: given.file });
    if (!kept) {
      const minutes = FILE_HANDLE_TTL_MS / 60_000;
      throw new ApiError(
        'not_found',
        `That file is no longer open (a file chosen in the dialog is read once, within ${minutes} minutes): choose it again.`,
        ['file: unknown, used or expired'],
      );
    }
    return kept.path;
  }

  return {
    'csv:presets': () => ({ presets: presets.list() }),

    'csv:cancelImport': ({ jobId }) => {
      const controller = running.get(jobId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },

    'csv:preview': async ({ content, preset: presetName, delimiter: given }) => {
      const delimiter = given ?? detectDelimiter(firstLine(content));
      let headerRow: string[] | null = null;
      const rows: string[][] = [];
      let values = new ColumnValues(0);
      let problem: string | null = null;
      // A file in a preset's JSON-quoted layout (Wealthfolio's export) is shown as that preset reads it.
      const jsonQuoted = (header: readonly string[]) => {
        const preset =
          (presetName === undefined ? undefined : presets.find(presetName)) ?? suggestPreset(header, BUILT_IN_PRESETS);
        return preset?.jsonQuoted?.(header) ?? false;
      };
      try {
        // Every record of the content, not only the rows shown: a type word may first appear late.
        for await (const batch of readCsvRecords([content], { delimiter, jsonQuoted })) {
          for (const { cells } of batch) {
            if (headerRow === null) {
              headerRow = cells;
              values = new ColumnValues(cells.length);
              continue;
            }
            if (rows.length < PREVIEW_ROWS) rows.push(cells);
            values.add(cells);
          }
        }
      } catch (error) {
        // Past the rows shown, a broken record only ends the word lists early: the preview is whole.
        if (rows.length < PREVIEW_ROWS) problem = error instanceof Error ? error.message : String(error);
      }
      const header = headerRow ?? [];
      const suggested =
        (presetName === undefined ? undefined : presets.find(presetName)) ?? suggestPreset(header, BUILT_IN_PRESETS);
      const columns = suggestMapping(header);
      const extraFees = suggestExtraFees(header, columns);
      const sample = (name: string | undefined) => {
        const i = name === undefined ? -1 : header.indexOf(name);
        return i < 0 ? [] : rows.map((row) => row[i] ?? '');
      };
      const dateFormat: DateFormat | null = guessDateFormat(sample(columns.date));
      const numberFormat: NumberFormat | null = guessNumberFormat(
        [columns.quantity, columns.price, columns.fee, ...extraFees, columns.amount].flatMap(sample),
      );
      return {
        delimiter,
        header,
        rows,
        suggestedPreset: suggested?.name ?? null,
        mapping: extraFees.length > 0 ? { columns, extraFees } : { columns },
        dateFormat,
        numberFormat,
        columnValues: values.values(),
        problem,
      };
    },

    'csv:import': ({ fileName, content, ...request }) => runImport(request, () => [content], fileName, content.length),

    'csv:openFile': async () => {
      refuseInBrowser('Opening a file');
      if (!host.chooseFile) throw new ApiError('invalid_input', 'Give the path of the file.', ['path: required']);
      const chosen = await host.chooseFile({ purpose: 'import', keep: true });
      if (chosen === null) return { cancelled: true, file: null, fileName: '', size: 0, head: '' };
      if (chosen.handle === undefined) throw new Error('The open dialog kept no handle for the chosen file.');
      return { cancelled: false, file: chosen.handle, fileName: path.basename(chosen.path), ...readHead(chosen.path) };
    },

    'csv:importFile': async ({ path: given, file: handle, ...request }) => {
      refuseInBrowser('Importing');
      // An unknown preset is refused before a dialog opens or a handle is used up.
      resolvePreset(request);
      const file = await chooseFile({ path: given, file: handle }, { purpose: 'import' });
      if (file === null) {
        return { ...emptyImportResult(request.jobId ?? 'cancelled', '', '', request.dryRun), cancelled: true };
      }
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch {
        throw new ApiError('not_found', `There is no file ${file}.`, ['path: not found']);
      }
      return runImport(request, () => fs.createReadStream(file, { highWaterMark: 1 << 20 }), path.basename(file), size);
    },

    'csv:savePreset': (entry) => store.write(() => presets.save(entry)),
    'csv:deletePreset': ({ name }) =>
      store.write(() => {
        const removed = presets.remove(name);
        return { deleted: removed !== undefined, preset: removed ?? null };
      }),

    'csv:export': async ({ kind, asOf, year, formulaGuard }) => {
      try {
        const { content, rows } = await withConnection((connection) =>
          exportToString(kind, context(connection, asOf, year), { formulaGuard }),
        );
        return { kind, fileName: exportFileName(kind, asOf ?? null), content, rows };
      } catch (error) {
        if (error instanceof ExportUnavailableError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
    },

    'csv:exportFile': async ({ kind, asOf, year, path: given, formulaGuard }) => {
      refuseInBrowser('Exporting');
      if (!EXPORTERS[kind]) throw new ApiError('invalid_input', `Unknown export ${kind}.`);
      const file = await chooseFile(
        { path: given },
        { purpose: 'export', defaultName: exportFileName(kind, asOf ?? null) },
      );
      if (file === null) return { kind, path: null, rows: 0 };
      try {
        const rows = await withConnection((connection) =>
          exportToFile(kind, context(connection, asOf, year), file, { formulaGuard }),
        );
        return { kind, path: file, rows };
      } catch (error) {
        if (error instanceof ExportUnavailableError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
    },
  };
}

const HEAD_BYTES = 64 * 1024;

/** The start of a file as text for the preview: whole lines only, a cut UTF-8 sequence dropped. */
export function readHead(file: string): { size: number; head: string } {
  const size = fs.statSync(file).size;
  const buffer = Buffer.alloc(Math.min(size, HEAD_BYTES));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const text = new TextDecoder('utf-8').decode(buffer);
  return { size, head: size <= HEAD_BYTES ? text : wholeLines(text) };
}
