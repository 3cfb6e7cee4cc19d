import { AsyncLocalStorage } from 'node:async_hooks';
import { busyError } from './write-lock';

/** When a queued write asked and by when it must have its lock, both in ms since the epoch. */
export interface WriteTurn {
  readonly since: number;
  readonly deadline: number;
}

export interface WriteQueue {
  /**
   * Runs `task` once every write queued before it has settled: one writer at a time, in the order
   * asked. A task still waiting for its turn at its deadline is dropped and answers `busy`; a task
   * that has started runs to its end (it needs its turn's deadline only to take SQLite's lock).
   * Called from inside a running task (a backup and then the import it guards), `task` runs at
   * once, in that turn.
   */
  run<T>(task: (turn: WriteTurn) => Promise<T> | T): Promise<T>;
  /** Writes started or waiting. */
  readonly length: number;
}

interface Entry {
  start: () => void;
  /** Answers `busy`: the turn came too late. */
  drop: () => void;
  deadline: number;
  timer: NodeJS.Timeout;
}

/**
 * The backend's one writer. SQLite lets one connection write at a time; without this queue the
 * app's writes raced an import on the second connection for that lock, each blocking the thread
 * for the busy timeout. Here they wait their turn asynchronously, so reads are answered meanwhile.
 */
export function createWriteQueue(waitMs: number): WriteQueue {
  const waiting: Entry[] = [];
  let running = false;
  // The turn the current async context runs in; `active` is cleared when the turn ends, so work a
  // task left behind (a timer, a background job) queues like any other.
  const inTurn = new AsyncLocalStorage<{ active: boolean; turn: WriteTurn }>();

  const next = (): void => {
    let entry = waiting.shift();
    // A long synchronous write before it can hold up the timer that would have dropped it.
    while (entry && Date.now() >= entry.deadline) {
      entry.drop();
      entry = waiting.shift();
    }
    running = entry !== undefined;
    entry?.start();
  };

  return {
    get length() {
      return waiting.length + (running ? 1 : 0);
    },
    run<T>(task: (turn: WriteTurn) => Promise<T> | T): Promise<T> {
      const current = inTurn.getStore();
      if (current?.active) return new Promise<T>((settle) => settle(task(current.turn)));
      const since = Date.now();
      const turn: WriteTurn = { since, deadline: since + waitMs };
      return new Promise<T>((resolve, reject) => {
        const entry: Entry = {
          start: () => {
            clearTimeout(entry.timer);
            const held = { active: true, turn };
            // A task that throws synchronously settles like one that rejects, and frees the turn.
            new Promise<T>((settle) => settle(inTurn.run(held, () => task(turn)))).then(resolve, reject).finally(() => {
              held.active = false;
              next();
            });
          },
          drop: () => {
            clearTimeout(entry.timer);
            reject(busyError(Date.now() - since));
          },
          deadline: turn.deadline,
          timer: setTimeout(() => {
            const at = waiting.indexOf(entry);
            if (at < 0) return;
            waiting.splice(at, 1);
            entry.drop();
          }, waitMs),
        };
        waiting.push(entry);
        if (!running) next();
      });
    },
  };
}
