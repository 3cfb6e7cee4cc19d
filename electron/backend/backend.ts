import { createDispatch, type Dispatch } from '../../shared/api/dispatch';
import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { csvHandlers, type FileRequest } from '../csv/csv-service';
import { portfolioSource } from '../csv/exporters';
import type { Db } from '../db/connection';
import { openStore, type Store } from '../db/store';
import { createQuoteService, type QuoteService, type QuoteServiceOptions } from '../quotes/quote-service';
import { quoteHandlers } from '../quotes/handlers';
import { EventBus } from './event-bus';
import { PRODUCT_NAME } from './paths';
import { createSettingsStore } from './settings-store';
import { transactionHandlers } from './transactions-service';
import { findAssetsDir } from './assets-dir';
import { demoHandler } from './demo/demo-loader';
import { instrumentHandlers } from './instruments-service';
import { createSnapshots } from './portfolio-snapshot';
import { portfolioHandlers } from './portfolio-service';
import { rotationHandlers } from './rotation-service';

export interface BackendOptions {
  dataDir: string;
  dbPath: string;
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  runtime: string;
  nativeBinding?: string | undefined;
  now?: () => Date;
  /** Where the bundled demo data lives (assets/ in the project, inside the app when packaged). */
  assetsDir?: string;
  /** Network and timing for quote refreshes (tests point them at a local server). */
  quotes?: QuoteServiceOptions;
  /** The app's open and save dialogs, for CSV files; absent in browser mode and the CLI. */
  chooseFile?: (request: FileRequest) => Promise<string | null>;
}

export interface Backend {
  readonly store: Store;
  /** The store's connection, for tests that look at the tables themselves. */
  readonly db: Db;
  readonly events: EventBus;
  readonly quotes: QuoteService;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  close(): void;
}

/**
 * Everything the app can do, with no Electron in sight: the IPC handlers, the browser host and
 * the CLI all drive this same object.
 */
export function createBackend(options: BackendOptions): Backend {
  const store = openStore(options.dbPath, { nativeBinding: options.nativeBinding });
  const { summary, accounts } = store;
  const now = options.now ?? (() => new Date());
  const events = new EventBus();
  const settings = createSettingsStore(store.settings);
  const quotes = createQuoteService(store, events, settings, { now, ...options.quotes });
  const snapshots = createSnapshots(store, events, settings, now);
  const rotation = rotationHandlers(snapshots);

  const handlers: Handlers = {
    'app:info': () => ({
      name: PRODUCT_NAME,
      version: options.version,
      mode: options.mode,
      dataDir: options.dataDir,
      dbPath: options.dbPath,
      schemaVersion: summary.schemaVersion(),
      runtime: options.runtime,
    }),
    'portfolio:summary': () => {
      const counts = summary.counts();
      return { ...counts, isEmpty: counts.accounts === 0 && counts.transactions === 0 };
    },
    'accounts:list': () => accounts.list(),
    'accounts:create': ({ name, currency }) => {
      if (accounts.findByName(name)) {
        throw new ApiError('conflict', `An account named "${name}" already exists.`, [`name: already used`]);
      }
      const created = accounts.create(name, currency, now().toISOString());
      events.emit('data:changed', { scope: 'accounts' });
      return created;
    },
    ...quoteHandlers(quotes, settings),
    ...transactionHandlers(store, events, now, snapshots),
    ...portfolioHandlers(snapshots, settings),
    ...rotation,
    ...instrumentHandlers(store, events),
    ...demoHandler(store, events, settings, options.assetsDir ?? findAssetsDir(), now),
    ...csvHandlers({
      store,
      events,
      now,
      mode: options.mode,
      chooseFile: options.chooseFile,
      portfolio: portfolioSource(() => handlers),
    }),
  };

  return {
    store,
    db: store.db,
    events,
    quotes,
    handlers,
    dispatch: createDispatch(handlers, (error) => console.error('[tiltfolio] internal error:', error)),
    close: () => {
      // Background refreshes stop first: nothing may write to a closed database.
      quotes.dispose();
      store.close();
    },
  };
}
