// Backups a person can use: made on open when the newest is older than a day, before every import
// and bulk delete, and on request; restored from the list (the current database kept first, so a
// restore can be undone). The file work is in electron/db/backups.ts.
//
// A restore copies the backup into the open database file with SQLite's backup API; the backend's
// connection stays open and reads the restored pages at its next statement, so neither the worker
// nor the host restarts. Migrations then bring an older backup up to date on that connection.
import type { CallName, Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import {
  BackupError,
  backupIsStale,
  backupsDir,
  createBackup,
  listBackups,
  restoreBackup,
  type BackupInfo,
} from '../db/backups';
import { migrate } from '../db/connection';
import type { Store } from '../db/store';
import type { BackendContext } from './backend-context';

/** Calls that replace or remove data in bulk: each is preceded by a backup. */
const GUARDED: Partial<Record<CallName, string>> = {
  'csv:import': 'before-import',
  'csv:importFile': 'before-import',
  'quotes:importFile': 'before-import',
  'fx:importFiles': 'before-import',
  'demo:load': 'before-import',
  'quotes:delete': 'before-delete',
  'fx:deletePair': 'before-delete',
};

export interface Backups {
  /**
   * Settles once the on-open backup (if one was due) is written or has failed. Asking for it
   * starts that backup now if it has not started yet (an import, a restore, the CLI's exit).
   */
  readonly opened: Promise<void>;
  /** A call arrived or was answered: the on-open backup waits until calls have stopped for a moment. */
  noteCall(): void;
  create(reason: string): Promise<BackupInfo | null>;
  restore(source: string): Promise<{ restored: BackupInfo | null; undo: BackupInfo; schemaVersion: number }>;
}

/**
 * When the on-open backup starts. It copies the whole file in steps on the backend's one thread
 * (0.8 s at 50,000 transactions), so it waits until the first screen has its data: until no call
 * has arrived or been answered for `idleMs`, and at the latest `maxDelayMs` after opening.
 */
export interface DailyBackupTiming {
  idleMs: number;
  maxDelayMs: number;
}

export const DAILY_BACKUP_TIMING: DailyBackupTiming = { idleMs: 3_000, maxDelayMs: 60_000 };

export function createBackups(
  { host, store, settings, events, now }: BackendContext,
  timing: DailyBackupTiming = DAILY_BACKUP_TIMING,
): Backups {
  const file = host.dbPath;
  const inMemory = file === ':memory:';
  // One backup at a time: two made in the same millisecond (imports queued at once, each backed up
  // first) took the same name and wrote over each other's copy.
  let previous: Promise<unknown> = Promise.resolve();
  const create = (reason: string): Promise<BackupInfo | null> => {
    if (inMemory) return Promise.resolve(null);
    const made = previous.then(() => createBackup(store.db, file, reason, settings.get().backupKeep, now()));
    previous = made.catch(() => undefined);
    return made;
  };
  const due = !inMemory && backupIsStale(file, now());
  let daily: Promise<void> | null = due ? null : Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const startedAt = Date.now();
  const startDaily = (): Promise<void> => {
    clearTimeout(timer);
    daily ??= create('daily').then(
      () => undefined,
      (error: unknown) => {
        // Closed before it finished (a short CLI command): the next open makes it.
        if (store.db.open) console.error(`[tiltfolio] ${(error as Error).message}`);
      },
    );
    return daily;
  };
  const schedule = () => {
    if (daily) return;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(timing.idleMs, startedAt + timing.maxDelayMs - Date.now()));
    timer = setTimeout(() => {
      // A closed database (the app quit within the wait) is backed up at the next open.
      if (store.db.open) void startDaily();
    }, wait);
    // The wait alone never keeps a process (the CLI, a test) alive.
    timer.unref?.();
  };
  schedule();
  const opened = (): Promise<void> => startDaily();
  return {
    get opened() {
      return opened();
    },
    noteCall: schedule,
    create,
    async restore(source) {
      if (inMemory) throw new BackupError('An in-memory database has no backups.');
      await opened();
      // At the writer's turn: no write of this backend may land between the copy and the migration.
      const result = await store.inWriterTurn(async () => {
        const copied = await restoreBackup(store.db, file, source, settings.get().backupKeep, now());
        migrate(store.db, file);
        return copied;
      });
      for (const scope of ['accounts', 'transactions', 'instruments', 'quotes'] as const) {
        events.emit('data:changed', { scope });
      }
      const restored = listBackups(file).find((b) => b.file === source) ?? null;
      return { ...result, restored };
    },
  };
}

/**
 * Wraps the bulk import and delete calls so each first writes a backup (a failed backup stops the
 * call). The backup and the call share one writer's turn (electron/db/store.ts): the backup holds
 * exactly what the call starts from, and the call keeps its place among the writes queued.
 */
export function guardWithBackups(handlers: Handlers, backups: Backups, store: Store): Handlers {
  const guarded = { ...handlers } as Record<string, (input: unknown) => unknown>;
  for (const [name, reason] of Object.entries(GUARDED)) {
    const handler = guarded[name]!;
    // Queued at once, in the order called; the on-open backup is awaited in the turn.
    guarded[name] = (input: unknown) =>
      store.inWriterTurn(async () => {
        await backups.opened;
        await backups.create(reason);
        return handler(input);
      });
  }
  return guarded as Handlers;
}

/** The backup:* calls of the contract. */
export function backupHandlers(
  context: BackendContext,
  backups: Backups,
): Pick<Handlers, 'backup:create' | 'backup:list' | 'backup:restore'> {
  const file = context.host.dbPath;
  const need = (info: BackupInfo | null): BackupInfo => {
    if (!info) throw new BackupError('An in-memory database has no backups.');
    return info;
  };
  return {
    'backup:create': async () => {
      await backups.opened;
      return need(await backups.create('manual'));
    },
    'backup:list': () => ({ dir: backupsDir(file), backups: listBackups(file) }),
    'backup:restore': async ({ name }) => {
      const chosen = listBackups(file).find((b) => b.name === name);
      if (!chosen) throw new ApiError('not_found', `There is no backup named ${name} in ${backupsDir(file)}.`);
      try {
        const { undo } = await backups.restore(chosen.file);
        return { restored: chosen, undo };
      } catch (error) {
        // A refused file is the user's to hear about, not an internal error.
        if (error instanceof BackupError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
    },
  };
}
