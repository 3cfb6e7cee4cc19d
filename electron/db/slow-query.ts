// better-sqlite3 blocks the thread it runs on, so a slow read freezes whatever shares it.
export const SLOW_QUERY_MS = 40;

export type SlowQueryReporter = (name: string, ms: number) => void;

let reporter: SlowQueryReporter = (name, ms) => console.warn(`[tiltfolio] slow query ${name}: ${ms.toFixed(1)} ms`);

/** Replaces where slow-query reports go (tests, or a log file later); returns the previous one. */
export function setSlowQueryReporter(next: SlowQueryReporter): SlowQueryReporter {
  const previous = reporter;
  reporter = next;
  return previous;
}

/** Runs a read and reports it if it took longer than SLOW_QUERY_MS. */
export function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    const ms = performance.now() - start;
    if (ms > SLOW_QUERY_MS) reporter(name, ms);
  }
}
