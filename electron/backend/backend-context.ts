import type { Handlers } from '../../shared/api/contract';
import type { ChooseFile } from '../csv/csv-service';
import type { Store } from '../db/store';
import type { QuoteService } from '../quotes/quote-service';
import type { EventBus } from './event-bus';
import type { Snapshots } from './portfolio-snapshot';
import type { SettingsStore } from './settings-store';

/** What the backend was started as, for `app:info` and the calls that differ by host. */
export interface BackendHost {
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  runtime: string;
  dataDir: string;
  dbPath: string;
  /** Where the bundled demo data lives. */
  assetsDir: string;
  /** The app's open and save dialogs, for CSV files; absent in browser mode and the CLI. */
  chooseFile?: ChooseFile | undefined;
}

/**
 * Everything a handler factory may use, built once by createBackend. Every factory takes this and
 * returns its slice of the contract's handlers, which createBackend spreads into one table.
 */
export interface BackendContext {
  readonly host: BackendHost;
  readonly store: Store;
  readonly events: EventBus;
  /** The app's settings, typed and defaulted (the settings:* calls answer from it). */
  readonly settings: SettingsStore;
  readonly snapshots: Snapshots;
  readonly quotes: QuoteService;
  readonly now: () => Date;
  /**
   * The whole table, for a handler that answers through other calls (the CSV exports read the
   * portfolio views); call it only from inside a handler, once the table is built.
   */
  readonly handlers: () => Handlers;
}
