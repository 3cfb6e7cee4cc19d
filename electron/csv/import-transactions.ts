// The one import path, for the app, the browser host, the CLI and the benchmark: stream the file,
// read and check every record, write through one SQLite transaction, replay the whole ledger,
// then COMMIT, or ROLLBACK so that nothing at all is written.
import { setImmediate as nextTurn } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { CsvProgress, ImportResult } from '../../shared/api/csv-schemas';
import type { TransactionInput } from '../../shared/api/transaction-schemas';
import { bindHeader, RecordReader, type BindOptions } from '../../shared/csv/convert';
import { emptyImportResult, withoutFxRateMessage } from '../../shared/csv/import-result';
import type { AnyPreset } from '../../shared/csv/preset-types';
import { describeProblems, ProblemList, type ImportProblem } from '../../shared/csv/problems';
import { transactionFingerprint } from '../../shared/csv/transaction-columns';
import type { Transaction } from '../../shared/domain/transaction';
import { applyLedgerInSteps } from '../../shared/engine/ledger';
import { datesAscend } from '../../shared/engine/ledger-order';
import { LedgerError } from '../../shared/engine/ledger-error';
import { parseTransaction } from '../../shared/engine/ledger-parse';
import type { ImportAccount, ImportWriter } from '../db/csv-import-repo';
import { CsvReadError, readCsvRecords, type RecordSource } from './read-records';

export interface ImportRequest {
  source: RecordSource;
  /** Named in every message, as the user knows the file. */
  fileName: string;
  bytesTotal?: number;
  preset: AnyPreset;
  bind?: BindOptions;
  delimiter?: string | null;
  dryRun?: boolean;
  /** The user's calendar day: later-dated rows are refused, as in the ledger. */
  today: string;
  /** created_at of the new rows. */
  now: string;
  jobId?: string;
  onProgress?: (progress: CsvProgress) => void;
  /** Checked between batches; an aborted import rolls back and reports `cancelled`. */
  signal?: AbortSignal;
  batchRows?: number;
  /** Longest record accepted, in characters (read-records.ts has the default). */
  maxRecordChars?: number;
  /** Rows of the result's preview. */
  previewRows?: number;
}

const PROGRESS_INTERVAL_MS = 100;

// SQLite's NOCASE folds ASCII only; account lookups must agree with the accounts table's UNIQUE.
function accountKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Runs one import through `writer`, which should be on a connection of its own (electron/db/store.ts says why). */
export async function importTransactions(writer: ImportWriter, request: ImportRequest): Promise<ImportResult> {
  const jobId = request.jobId ?? `import-${Date.now()}`;
  const dryRun = request.dryRun ?? false;
  const previewRows = request.previewRows ?? 20;
  const problems = new ProblemList();
  const result = emptyImportResult(jobId, request.fileName, request.preset.name, dryRun);

  let bytesDone = 0;
  let lastProgress = 0;
  const progress = (phase: CsvProgress['phase'], force = false, checked?: { done: number; total: number }) => {
    if (!request.onProgress) return;
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    // Reading counts rows and bytes of the file; checking counts records of the ledger replayed.
    const event: CsvProgress =
      checked !== undefined
        ? { jobId, phase, rowsDone: checked.done, rowsTotal: checked.total }
        : { jobId, phase, rowsDone: result.rows, bytesDone };
    if (checked === undefined && request.bytesTotal !== undefined) event.bytesTotal = request.bytesTotal;
    request.onProgress(event);
  };

  await writer.begin();
  try {
    // Count-based duplicates: a fingerprint the database holds m times lets the file's first m
    // copies through as duplicates; further copies are added (docs/csv.md).
    const known = new Map<string, number>();
    const existing = writer.transactions();
    for (const row of existing) {
      const fingerprint = transactionFingerprint(row);
      known.set(fingerprint, (known.get(fingerprint) ?? 0) + 1);
    }
    const accountsByKey = new Map(writer.accounts().map((a) => [accountKey(a.name), a]));
    // Most files name a handful of accounts a million times: look the exact spelling up first.
    const accountsByName = new Map<string, ImportAccount>();
    const symbols = new Set(writer.symbols());
    const lines: number[] = [];
    // The new rows, kept for the ledger replay: reading a million rows back from SQLite costs
    // more than holding them (measured), and they are exactly what was inserted.
    const added: Transaction[] = [];
    let firstId = -1;
    let reader: RecordReader | null = null;
    /** Rows a preset left out, by reason: how many, and the first line. */
    const skips = new Map<string, { count: number; line: number }>();
    /** Added rows in a currency other than their account's and without a broker rate, per "USD EUR". */
    const withoutRate = new Map<string, number>();

    const strings = new Map<string, string>();
    const intern = (text: string): string => {
      const seen = strings.get(text);
      if (seen !== undefined) return seen;
      strings.set(text, text);
      return text;
    };

    const resolveAccount = (name: string, currency: string): ImportAccount => {
      let account = accountsByName.get(name);
      if (account !== undefined) return account;
      const key = accountKey(name);
      account = accountsByKey.get(key);
      if (account === undefined) {
        account = { id: writer.createAccount(name, currency, request.now), name, currency };
        accountsByKey.set(key, account);
        result.accountsCreated.push(name);
      }
      accountsByName.set(name, account);
      return account;
    };

    const records = readCsvRecords(request.source, {
      delimiter: request.delimiter ?? request.preset.delimiter,
      ...(request.preset.jsonQuoted === undefined ? {} : { jsonQuoted: request.preset.jsonQuoted }),
      batchSize: request.batchRows ?? 2000,
      ...(request.maxRecordChars === undefined ? {} : { maxRecordChars: request.maxRecordChars }),
      onBytes: (bytes) => (bytesDone = bytes),
    });

    for await (const batch of records) {
      let start = 0;
      if (reader === null) {
        const header = batch[0];
        if (header === undefined) continue;
        const bound = bindHeader(request.preset, header.cells, request.bind);
        if (!bound.ok) {
          for (const problem of bound.problems) problems.add(problem);
          break;
        }
        reader = new RecordReader(bound.binding);
        start = 1;
      }
      const rows: (TransactionInput & { id?: number })[] = [];
      const accountIds: number[] = [];
      for (let i = start; i < batch.length; i++) {
        const record = batch[i] as (typeof batch)[number];
        result.rows++;
        const read = reader.read(record.cells, record.line);
        if (!read.ok) {
          for (const problem of read.problems) problems.add(problem);
          continue;
        }
        // After the first bad row nothing will be written: keep reading only to list every problem.
        if (!problems.isEmpty) continue;
        if (read.input === null) {
          result.skipped++;
          const seen = skips.get(read.skipped);
          if (seen === undefined) skips.set(read.skipped, { count: 1, line: record.line });
          else seen.count++;
          continue;
        }
        // A record may hold more than one transaction (a reinvested dividend): each is a row.
        for (let k = -1; k < read.more.length; k++) {
          const row = k < 0 ? read.input : (read.more[k] as TransactionInput);
          // A broker rate says the row is not in its account's currency, so a new account cannot
          // take the row's currency, and which currency it has the row does not say.
          if ((row.fxRate ?? null) !== null && !accountsByKey.has(accountKey(row.account))) {
            problems.add({
              line: record.line,
              column: reader.columnName(request.preset.fieldSources.fxRate) ?? 'fxRate',
              value: row.fxRate ?? '',
              reason: `is a rate to the currency of account "${row.account}", which does not exist yet: create it with its currency first (or begin the file with a row in its currency)`,
            });
            continue;
          }
          const account = resolveAccount(row.account, row.currency);
          row.account = account.name;
          // The rows stay in memory for the ledger replay: one copy of each repeated string.
          row.date = intern(row.date);
          row.currency = intern(row.currency);
          if (row.symbol !== null) row.symbol = intern(row.symbol);
          if (known.size > 0) {
            const fingerprint = transactionFingerprint(row);
            const left = known.get(fingerprint);
            if (left !== undefined && left > 0) {
              known.set(fingerprint, left - 1);
              result.duplicates++;
              continue;
            }
          }
          if (row.symbol !== null && !symbols.has(row.symbol)) {
            writer.ensureInstrument(row.symbol, row.currency);
            symbols.add(row.symbol);
          }
          if (row.currency !== account.currency && (row.fxRate ?? null) === null) {
            const pair = `${row.currency} ${account.currency}`;
            withoutRate.set(pair, (withoutRate.get(pair) ?? 0) + 1);
          }
          rows.push(row);
          accountIds.push(account.id);
          lines.push(record.line);
          if (result.preview.length < previewRows) result.preview.push(row);
        }
      }
      if (rows.length > 0) {
        const first = writer.insertTransactions(rows, accountIds, request.now);
        if (firstId < 0) firstId = first;
        for (let k = 0; k < rows.length; k++) {
          const row = rows[k] as Transaction;
          row.id = first + k;
          added.push(row);
        }
      }
      progress('reading');
      if (request.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      // Let the backend's thread answer other calls (and hear a cancel) between batches.
      await nextTurn();
    }

    result.skippedMessages = [...skips].map(
      ([reason, { count, line }]) =>
        `${request.fileName}: ${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'} left out (first on line ${line}): ${reason}`,
    );
    if (reader === null && problems.isEmpty && !result.cancelled) {
      problems.add({ line: null, column: null, reason: 'is empty: there is no header line' });
    }
    if (!problems.isEmpty || result.cancelled) return finish(result, problems, request.fileName, writer.rollback);

    progress('checking', true);
    await nextTurn();
    // The whole table as COMMIT would leave it, in date order (the stored rows come by date, the
    // file's are merged in): records out of date order would make the replay start over.
    const names = [...accountsByKey.values()].map((a) => a.name);
    const table = mergeByDate(existing, added);
    // The replay pauses between stretches of records, so the process keeps answering (and a
    // cancel is heard) through the seconds a large file takes.
    const pause = async (done: number) => {
      progress('checking', true, { done, total: table.length }); // one per 20,000 records: no need to thin
      await nextTurn();
      if (request.signal?.aborted) throw new ImportCancelled();
    };
    let ledgerProblems: ImportProblem[];
    try {
      ledgerProblems = await checkLedger(table, added, names, request.today, firstId, lines, reader, pause);
    } catch (error) {
      if (!(error instanceof ImportCancelled)) throw error;
      result.cancelled = true;
      return finish(result, problems, request.fileName, writer.rollback);
    }
    for (const problem of ledgerProblems) problems.add(problem);
    if (!problems.isEmpty) return finish(result, problems, request.fileName, writer.rollback);

    result.added = added.length;
    result.withoutFxRate = [...withoutRate].map(([pair, rows]) => {
      const [currency = '', accountCurrency = ''] = pair.split(' ');
      return { currency, accountCurrency, rows };
    });
    result.fxRateMessages = result.withoutFxRate.map((entry) => withoutFxRateMessage(entry, dryRun));
    if (dryRun) {
      writer.rollback();
    } else {
      progress('writing', true);
      writer.commit();
      result.committed = true;
    }
    progress('done', true);
    return result;
  } catch (error) {
    writer.rollback();
    if (error instanceof CsvReadError) {
      problems.add({ line: error.line, column: null, reason: error.reason });
      return finish(result, problems, request.fileName, () => {});
    }
    // The checks above mirror the schema's constraints; should one still fire, the import is
    // refused like any other bad file rather than failing as an internal error.
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT')) {
      problems.add({ line: null, column: null, reason: `was refused by the database (${error.message})` });
      return finish(result, problems, request.fileName, () => {});
    }
    throw error;
  }
}

function finish(result: ImportResult, problems: ProblemList, fileName: string, rollback: () => void): ImportResult {
  rollback();
  result.added = 0;
  result.accountsCreated = [];
  result.preview = [];
  result.errors = problems.items;
  result.errorCount = problems.total;
  result.errorMessages = describeProblems(fileName, problems.items, problems.total);
  return result;
}

class ImportCancelled extends Error {}

/** `stored` (in date order) and `added` (in file order) as one list by date; ties keep stored first. */
function mergeByDate(stored: readonly Transaction[], added: readonly Transaction[]): readonly Transaction[] {
  const fresh = datesAscend(added)
    ? added
    : [...added].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (stored.length === 0) return fresh;
  if (fresh.length === 0 || (fresh[0] as Transaction).date >= (stored.at(-1) as Transaction).date) {
    return [...stored, ...fresh];
  }
  const out: Transaction[] = new Array<Transaction>(stored.length + fresh.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    const a = stored[i];
    const b = fresh[j];
    out[k] = (b === undefined || (a !== undefined && a.date <= b.date) ? stored[i++] : fresh[j++]) as Transaction;
  }
  return out;
}

/**
 * Replays the ledger with the new rows. A failure is traced back to the file: the row rules of
 * each type are checked row by row (so every such row is listed), and otherwise the one record
 * where the history breaks (a sale of shares not held) is named.
 */
async function checkLedger(
  table: readonly Transaction[],
  added: readonly Transaction[],
  accounts: readonly string[],
  today: string,
  firstId: number,
  lines: readonly number[],
  reader: RecordReader | null,
  pause: (done: number) => Promise<void>,
): Promise<ImportProblem[]> {
  try {
    await applyLedgerInSteps(table, { today, accounts }, pause);
    return [];
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    const context = { today, accounts: new Set(accounts) };
    const problems: ImportProblem[] = [];
    // The ledger says which field is at fault; the preset says which of the file's columns fed it.
    const problemAt = ({ transactionId, field, problem }: LedgerError): ImportProblem => {
      const source = field === null ? null : reader?.binding.preset.fieldSources[field];
      return {
        line: lines[transactionId - firstId] ?? null,
        column: field === null ? null : (reader?.columnName(source) ?? field),
        reason: problem,
      };
    };
    // In file order, as the rows were read.
    for (const tx of added) {
      try {
        parseTransaction(tx, context);
      } catch (rowError) {
        if (rowError instanceof LedgerError) problems.push(problemAt(rowError));
        else throw rowError;
      }
    }
    if (problems.length > 0) return problems;
    if (firstId >= 0 && error.transactionId >= firstId) return [problemAt(error)];
    return [{ line: null, column: null, reason: `would break an existing transaction: ${error.message}` }];
  }
}
