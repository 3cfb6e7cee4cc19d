import { createDispatch, type Dispatch } from '../../shared/api/dispatch';
import { internalErrorLine } from '../../shared/api/errors';
import type { Handlers } from '../../shared/api/contract';
import { csvHandlers, type ChooseFile } from '../csv/csv-service';
import type { Db } from '../db/connection';
import { openStore, type Store } from '../db/store';
import { createQuoteService, type QuoteService, type QuoteServiceOptions } from '../quotes/quote-service';
import { quoteHandlers } from '../quotes/handlers';
import { withStoredAnswersIf } from './stored-answers';
import { createWarmUp } from './warm-up';
import { fxHandlers } from '../quotes/fx-handlers';
import { accountHandlers } from './accounts-service';
import { appHandlers } from './app-service';
import type { BackendContext } from './backend-context';
import { EventBus } from './event-bus';
import { createSettingsStore } from './settings-store';
import { settingsHandlers } from './settings-service';
import { transactionHandlers } from './transactions-service';
import { findAssetsDir } from './assets-dir';
import { demoHandlers } from './demo/demo-loader';
import { instrumentHandlers } from './instruments-service';
import { healthHandlers } from './health-service';
import { createSnapshots } from './portfolio-snapshot';
import { portfolioHandlers } from './portfolio-service';
import { holdingHandlers } from './holding-service';
import { rotationHandlers } from './rotation-service';
import { attributionHandlers } from './attribution-service';
import { signalsHandlers } from './signals-service';
import {
  backupHandlers,
  createBackups,
  guardWithBackups,
  type Backups,
  type DailyBackupTiming,
} from './backup-service';
import { answerBusyAsBusy } from './busy-guard';

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
  chooseFile?: ChooseFile;
  /** How long a write waits for the writer's turn and the lock before answering `busy` (electron/db/store.ts). */
  writeWaitMs?: number | undefined;
  /** When the on-open backup starts (backup-service.ts; tests shorten the waits). */
  dailyBackup?: DailyBackupTiming;
  /**
   * false: every portfolio answer computed afresh, none stored or served (stored-answers.ts): for
   * a test that compares figures with a full replay over the same file.
   */
  storedAnswers?: boolean;
}

export interface Backend {
  readonly store: Store;
  /** The store's connection, for tests that look at the tables themselves. */
  readonly db: Db;
  readonly events: EventBus;
  readonly quotes: QuoteService;
  /** Automatic and requested backups of the database (the CLI's backup and restore use it). */
  readonly backups: Backups;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  close(): void;
}

/**
 * Everything the app can do, with no Electron in sight: the IPC handlers, the browser host and
 * the CLI all drive this same object. The store, the event bus, the settings, the snapshots and
 * the quote service are made once here; every handler factory takes them as one BackendContext.
 */
export function createBackend(options: BackendOptions): Backend {
  const store = openStore(options.dbPath, { nativeBinding: options.nativeBinding, writeWaitMs: options.writeWaitMs });
  const now = options.now ?? (() => new Date());
  const events = new EventBus();
  const settings = createSettingsStore(store.settings);
  const quotes = createQuoteService(store, events, settings, { now, ...options.quotes });
  const context: BackendContext = {
    host: {
      version: options.version,
      mode: options.mode,
      runtime: options.runtime,
      dataDir: options.dataDir,
      dbPath: options.dbPath,
      assetsDir: options.assetsDir ?? findAssetsDir(),
      chooseFile: options.chooseFile,
    },
    store,
    events,
    settings,
    snapshots: createSnapshots(store, events, settings, now),
    quotes,
    now,
    handlers: () => handlers,
  };

  const backups = createBackups(context, options.dailyBackup);
  // The series read from their bars (electron/db/series-cache.ts) are stored once the calls are
  // done, as the snapshot is built: the next build, and the next opening, read them in one row each.
  const storeSeries = () => void store.write(() => store.quotes.series.saveUnsaved()).catch(() => undefined);
  const saveSeries = createWarmUp(storeSeries);
  const warmUp = createWarmUp(() => {
    context.snapshots.get();
    if (store.quotes.series.hasUnsaved()) storeSeries();
  });
  const handlers: Handlers = answerBusyAsBusy(
    guardWithBackups(
      withStoredAnswersIf(
        options.storedAnswers !== false,
        {
          ...appHandlers(context),
          ...accountHandlers(context),
          ...settingsHandlers(context),
          ...quoteHandlers(context),
          ...fxHandlers(context),
          ...transactionHandlers(context),
          ...portfolioHandlers(context),
          ...holdingHandlers(context),
          ...rotationHandlers(context),
          ...attributionHandlers(context),
          ...signalsHandlers(context),
          ...instrumentHandlers(context),
          ...healthHandlers(context),
          ...demoHandlers(context),
          ...csvHandlers(context),
          ...backupHandlers(context, backups),
        },
        context,
        warmUp.wanted,
      ),
      backups,
      store,
    ),
  );

  const dispatch = createDispatch(handlers, (error) => console.error(internalErrorLine(error)));
  return {
    store,
    db: store.db,
    events,
    quotes,
    backups,
    handlers,
    // Calls and their answers both count as activity: the on-open backup waits for a quiet moment.
    dispatch: async (name, input) => {
      backups.noteCall();
      warmUp.callStarted();
      saveSeries.callStarted();
      try {
        return await dispatch(name, input);
      } finally {
        backups.noteCall();
        warmUp.callEnded();
        if (store.quotes.series.hasUnsaved()) saveSeries.wanted();
        saveSeries.callEnded();
      }
    },
    close: () => {
      warmUp.dispose();
      saveSeries.dispose();
      // Background refreshes stop first: nothing may write to a closed database.
      quotes.dispose();
      store.close();
    },
  };
}
