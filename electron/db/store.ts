// Every repository of the database, created once over the app's connection and handed to the
// services: no service prepares statements of its own or opens a transaction by hand.
//
// One writer, in order. SQLite lets one connection write at a time, and better-sqlite3 waits for
// that lock synchronously, holding up every other call on the thread. So every write of the
// backend takes its turn in one queue (write-queue.ts) and waits there asynchronously, while
// reads go on (WAL lets them read the last commit). At its turn a write takes the lock with a
// short busy timeout and, while another process holds it (the CLI beside the app), asks again
// after a pause (write-lock.ts). A write that has not begun by its deadline (DEFAULT_WRITE_WAIT_MS
// after it asked) answers `busy` with nothing written; once begun it runs to its end.
//
// Two kinds of write:
// - A write that runs to its end without waiting (a transaction edit, the demo, a quote refresh's
//   write for one symbol) goes through `store.write(work)`: at its turn, BEGIN IMMEDIATE, then
//   `work` (synchronous), then COMMIT when it returns or ROLLBACK when it throws.
// - Work that waits between its steps (a CSV import of a million rows) runs in
//   `store.importOnOwnConnection(work)`, on a second connection, holding the queue's turn until it
//   settles. better-sqlite3's transactions cannot span an `await`, so the import holds BEGIN
//   IMMEDIATE … COMMIT itself (csv-import-repo.ts); on the app's connection that open transaction
//   would take in every other call's writes made meanwhile, and an export's open statement would
//   leave the connection busy for every other call. Exports only read: `store.withOwnConnection`
//   gives them a second connection outside the queue.
import { createAccountsRepo } from './accounts-repo';
import { closeDatabase, openDatabase, type Db, type OpenOptions } from './connection';
import { createCorporateActionsRepo } from './corporate-actions-repo';
import { createExportRepo } from './csv-export-repo';
import { createFxRatesRepo } from './fx-rates-repo';
import { createHealthRepo, type HealthRepo } from './health-repo';
import { createImportWriter, type ImportWriter } from './csv-import-repo';
import { createInstrumentsRepo } from './instruments-repo';
import { createQuotesRepo, type QuotesRepo } from './quotes-repo';
import { createRefreshLogRepo } from './refresh-log-repo';
import { createSettingsRepo } from './settings-repo';
import { createStoredAnswersRepo } from './stored-answers-repo';
import { openSideConnection } from './side-connection';
import { createSummaryRepo } from './summary-repo';
import { createTransactionsRepo } from './transactions-repo';
import { createWriteQueue, type WriteTurn } from './write-queue';
import { DEFAULT_WRITE_WAIT_MS, retryWhileBusy } from './write-lock';

export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
export type CorporateActionsRepo = ReturnType<typeof createCorporateActionsRepo>;
export type ExportRepo = ReturnType<typeof createExportRepo>;
export type FxRatesRepo = ReturnType<typeof createFxRatesRepo>;
export type InstrumentsRepo = ReturnType<typeof createInstrumentsRepo>;
export type RefreshLogRepo = ReturnType<typeof createRefreshLogRepo>;
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
export type StoredAnswersRepo = ReturnType<typeof createStoredAnswersRepo>;
export type SummaryRepo = ReturnType<typeof createSummaryRepo>;
export type TransactionsRepo = ReturnType<typeof createTransactionsRepo>;
export type { ImportWriter, QuotesRepo };

/** What an export reads on a connection of its own. */
export interface OwnConnection {
  exports: ExportRepo;
}

export interface StoreOptions extends OpenOptions {
  /** How long a write waits for its turn and the lock before it answers `busy` (store.ts, top). */
  writeWaitMs?: number | undefined;
}

export interface Store {
  /** The app's connection, for tests and benchmarks that look at the tables themselves. */
  readonly db: Db;
  readonly accounts: AccountsRepo;
  readonly corporateActions: CorporateActionsRepo;
  readonly exports: ExportRepo;
  /** Cached exchange rates, one series per pair (electron/db/fx-rates-repo.ts). */
  readonly fxRates: FxRatesRepo;
  /** What the data-health checks read of the quotes (electron/db/health-repo.ts). */
  readonly health: HealthRepo;
  readonly instruments: InstrumentsRepo;
  readonly quotes: QuotesRepo;
  readonly refreshLog: RefreshLogRepo;
  /** Settings as key → JSON text; electron/backend/settings-store.ts gives them their types. */
  readonly settings: SettingsRepo;
  /** The data generation and the answers kept under it (migration 0008). */
  readonly storedAnswers: StoredAnswersRepo;
  readonly summary: SummaryRepo;
  readonly transactions: TransactionsRepo;
  /**
   * Runs `work` (synchronous) at the writer's turn in one SQLite transaction taken with BEGIN
   * IMMEDIATE: all of its writes or none. Answers `busy` (nothing written) when the turn or the
   * lock did not come in time.
   */
  write<T>(work: () => T): Promise<T>;
  /** An import's writes on a second connection, at the writer's turn and holding it until they settle. */
  importOnOwnConnection<T>(work: (writer: ImportWriter) => Promise<T>): Promise<T>;
  /** Other work that writes the file (a restore) at the writer's turn: no write runs beside it. */
  inWriterTurn<T>(work: (turn: WriteTurn) => Promise<T>): Promise<T>;
  /** Runs reading work on a second connection, closed when the work settles (see the top of this file). */
  withOwnConnection<T>(work: (own: OwnConnection) => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * The store over a connection the caller opened; `file` is where a second connection opens
 * (an in-memory database has only the one, so its long work shares it).
 */
export function createStore(db: Db, file = ':memory:', options: StoreOptions = {}): Store {
  const queue = createWriteQueue(options.writeWaitMs ?? DEFAULT_WRITE_WAIT_MS);
  /** A second connection for `work`, closed when it settles; an in-memory database has only the one. */
  const onOwnConnection = async <T>(work: (connection: Db) => Promise<T>): Promise<T> => {
    if (file === ':memory:') return work(db);
    const connection = openSideConnection(file, options);
    try {
      return await work(connection);
    } finally {
      connection.close();
    }
  };
  const quotes = createQuotesRepo(db);
  return {
    db,
    accounts: createAccountsRepo(db),
    corporateActions: createCorporateActionsRepo(db),
    exports: createExportRepo(db),
    fxRates: createFxRatesRepo(db),
    health: createHealthRepo(db, quotes.series),
    instruments: createInstrumentsRepo(db),
    quotes,
    refreshLog: createRefreshLogRepo(db),
    settings: createSettingsRepo(db),
    storedAnswers: createStoredAnswersRepo(db),
    summary: createSummaryRepo(db),
    transactions: createTransactionsRepo(db),
    write: (work) =>
      queue.run(({ deadline, since }) => retryWhileBusy(() => db.transaction(work).immediate(), deadline, since)),
    importOnOwnConnection: (work) =>
      queue.run((turn) => onOwnConnection((connection) => work(createImportWriter(connection, turn)))),
    inWriterTurn: (work) => queue.run(work),
    withOwnConnection: (work) => onOwnConnection((connection) => work({ exports: createExportRepo(connection) })),
    close: () => closeDatabase(db, file),
  };
}

/** Opens (checking and migrating) the database file and builds its store. */
export function openStore(file: string, options: StoreOptions = {}): Store {
  return createStore(openDatabase(file, options), file, options);
}
