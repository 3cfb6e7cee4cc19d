// Taking SQLite's write lock without holding up the thread. better-sqlite3 waits for a lock
// synchronously, for as long as the busy timeout: every other call on the thread waits with it.
// So the timeout is short (BUSY_TIMEOUT_MS), and a lock another process holds (the CLI beside
// the app, an import on the second connection) is asked for again after a pause, in between
// which the thread answers other calls, until the call's deadline.
import { ApiError } from '../../shared/api/errors';

/** What a connection waits, blocking its thread, before SQLite answers "busy". */
export const BUSY_TIMEOUT_MS = 50;

/** How long a write waits, in the queue and for the lock, before it answers `busy`. */
export const DEFAULT_WRITE_WAIT_MS = 15_000;

const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 250;

/** SQLITE_BUSY and its extended codes: another connection holds the lock. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** The error a write answers with when it could not get the lock in time: nothing was written. */
export function busyError(waitedMs?: number): ApiError {
  const waited = waitedMs === undefined ? '' : ` (waited ${Math.max(1, Math.round(waitedMs / 1000))} s)`;
  return new ApiError(
    'busy',
    `The database is busy: another import or another Tiltfolio process (such as the CLI) is writing${waited}. Nothing was changed; try again in a moment.`,
  );
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` (which takes the lock, e.g. BEGIN IMMEDIATE) until it does not throw SQLITE_BUSY,
 * pausing between tries with a growing backoff; past `deadline` (ms since the epoch) it answers
 * `busy`. `attempt` must have written nothing when it throws busy (a BEGIN has not begun).
 */
export async function retryWhileBusy<T>(
  attempt: () => T,
  deadline: number,
  waitedSince: number = Date.now(),
  sleep: Sleep = realSleep,
): Promise<T> {
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw busyError(Date.now() - waitedSince);
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}
