import { ApiError } from '../../../shared/api/errors';
import type { Client } from './client';

/** How many calls are trying again because the database was busy, for the sidebar. */
export interface BusyTracker {
  subscribe(onChange: () => void): () => void;
  retrying(): number;
}

export interface BusyRetryOptions {
  /** Tries after the first; each try itself waits in the backend's queue (electron/db/store.ts). */
  retries?: number;
  pauseMs?: (retry: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRIES = 4;
const pause = (retry: number) => Math.min(1000 * 2 ** (retry - 1), 8000);

/**
 * A client that tries a call again when it answers `busy` (another import or process held the
 * database's write lock for longer than a call waits). A busy answer means nothing was written,
 * so a write can be sent again safely. While any call is being retried, `busy.retrying()` is
 * above zero and the sidebar says so; after the last try the `busy` error reaches the caller as usual.
 */
export function withBusyRetry(client: Client, options: BusyRetryOptions = {}): Client & { busy: BusyTracker } {
  const retries = options.retries ?? RETRIES;
  const pauseMs = options.pauseMs ?? pause;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const listeners = new Set<() => void>();
  let waiting = 0;
  const change = (by: number) => {
    waiting += by;
    for (const listener of listeners) listener();
  };
  const busy: BusyTracker = {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    retrying: () => waiting,
  };
  return {
    ...client,
    busy,
    async call(name, input) {
      // Counted from its first busy answer until it settles, through the pauses and the tries.
      let counted = false;
      try {
        for (let retry = 1; ; retry++) {
          try {
            return await client.call(name, input);
          } catch (error) {
            if (!(error instanceof ApiError) || error.code !== 'busy' || retry > retries) throw error;
            if (!counted) change(1);
            counted = true;
            await sleep(pauseMs(retry));
          }
        }
      } finally {
        if (counted) change(-1);
      }
    },
  };
}
