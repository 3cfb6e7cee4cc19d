// Every repository of the database, created once over the app's connection and handed to the
// services: no service prepares statements of its own or opens a transaction by hand.
//
// Transactions, one way each for two kinds of work:
// - A write that runs to its end without waiting (a transaction edit, the demo, a quote refresh's
//   write for one symbol) goes through `store.transaction(work)`: better-sqlite3 begins, commits
//   when `work` returns, and rolls back when it throws. Called inside another it is a savepoint.
//   `{ immediate: true }` takes the write lock at BEGIN, for work that reads and then acts on
//   what it read while another process may be writing the same file (the app beside the CLI).
// - Work that waits between its steps (a CSV import of a million rows, an export streamed to a
//   file) runs in `store.withOwnConnection(work)`, on a second connection. better-sqlite3's
//   transactions cannot span an `await`, so the import holds BEGIN IMMEDIATE … COMMIT itself
//   (csv-import-repo.ts); on the app's connection that open transaction would take in every
//   other call's writes made meanwhile (and roll them back with a refused file), and an export's
//   open statement would leave the connection busy for every other call.
import { createAccountsRepo } from './accounts-repo';
import { openDatabase, type Db, type OpenOptions } from './connection';
import { createCorporateActionsRepo } from './corporate-actions-repo';
import { createExportRepo } from './csv-export-repo';
import { createFxRatesRepo } from './fx-rates-repo';
import { createImportWriter, type ImportWriter } from './csv-import-repo';
import { createInstrumentsRepo } from './instruments-repo';
import { createQuotesRepo, type QuotesRepo } from './quotes-repo';
import { createRefreshLogRepo } from './refresh-log-repo';
import { createSettingsRepo } from './settings-repo';
import { openSideConnection } from './side-connection';
import { createSummaryRepo } from './summary-repo';
import { createTransactionsRepo } from './transactions-repo';

export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
export type CorporateActionsRepo = ReturnType<typeof createCorporateActionsRepo>;
export type ExportRepo = ReturnType<typeof createExportRepo>;
export type FxRatesRepo = ReturnType<typeof createFxRatesRepo>;
export type InstrumentsRepo = ReturnType<typeof createInstrumentsRepo>;
export type RefreshLogRepo = ReturnType<typeof createRefreshLogRepo>;
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
export type SummaryRepo = ReturnType<typeof createSummaryRepo>;
export type TransactionsRepo = ReturnType<typeof createTransactionsRepo>;
export type { ImportWriter, QuotesRepo };

/** The repositories long work uses on a connection of its own. */
export interface OwnConnection {
  /** One CSV import's writes, between its own BEGIN IMMEDIATE and COMMIT. */
  importWriter: ImportWriter;
  exports: ExportRepo;
}

export interface Store {
  /** The app's connection, for tests and benchmarks that look at the tables themselves. */
  readonly db: Db;
  readonly accounts: AccountsRepo;
  readonly corporateActions: CorporateActionsRepo;
  readonly exports: ExportRepo;
  /** Cached exchange rates, one series per pair (electron/db/fx-rates-repo.ts). */
  readonly fxRates: FxRatesRepo;
  readonly instruments: InstrumentsRepo;
  readonly quotes: QuotesRepo;
  readonly refreshLog: RefreshLogRepo;
  /** Settings as key → JSON text; electron/backend/settings-store.ts gives them their types. */
  readonly settings: SettingsRepo;
  readonly summary: SummaryRepo;
  readonly transactions: TransactionsRepo;
  /** Runs `work` (synchronous) in one SQLite transaction: all of its writes or none. */
  transaction<T>(work: () => T, options?: { immediate?: boolean }): T;
  /** Runs long work on a second connection, closed when the work settles (see the top of this file). */
  withOwnConnection<T>(work: (own: OwnConnection) => Promise<T>): Promise<T>;
  close(): void;
}

/**
 * The store over a connection the caller opened; `file` is where a second connection opens
 * (an in-memory database has only the one, so its long work shares it).
 */
export function createStore(db: Db, file = ':memory:', options: OpenOptions = {}): Store {
  const ownConnection = (connection: Db): OwnConnection => ({
    importWriter: createImportWriter(connection),
    exports: createExportRepo(connection),
  });
  return {
    db,
    accounts: createAccountsRepo(db),
    corporateActions: createCorporateActionsRepo(db),
    exports: createExportRepo(db),
    fxRates: createFxRatesRepo(db),
    instruments: createInstrumentsRepo(db),
    quotes: createQuotesRepo(db),
    refreshLog: createRefreshLogRepo(db),
    settings: createSettingsRepo(db),
    summary: createSummaryRepo(db),
    transactions: createTransactionsRepo(db),
    transaction(work, { immediate = false } = {}) {
      const run = db.transaction(work);
      return immediate ? run.immediate() : run();
    },
    async withOwnConnection(work) {
      if (file === ':memory:') return work(ownConnection(db));
      const connection = openSideConnection(file, options);
      try {
        return await work(ownConnection(connection));
      } finally {
        connection.close();
      }
    },
    close: () => db.close(),
  };
}

/** Opens (checking and migrating) the database file and builds its store. */
export function openStore(file: string, options: OpenOptions = {}): Store {
  return createStore(openDatabase(file, options), file, options);
}
