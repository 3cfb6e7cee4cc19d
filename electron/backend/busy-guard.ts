import type { Handlers } from '../../shared/api/contract';
import { busyError, isBusy } from '../db/write-lock';

/**
 * Every write takes the writer's turn and answers `busy` itself (electron/db/store.ts); should
 * SQLite still answer SQLITE_BUSY to a call (a read during another process's checkpoint), the
 * caller hears the same typed, retryable `busy` rather than an internal error.
 */
export function answerBusyAsBusy(handlers: Handlers): Handlers {
  const guarded: Record<string, (input: unknown) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    guarded[name] = async (input: unknown) => {
      try {
        return await handler(input);
      } catch (error) {
        if (isBusy(error)) throw busyError();
        throw error;
      }
    };
  }
  return guarded as Handlers;
}
