// How long the backend waits with no call in flight before it builds the snapshot: the dashboard
// asks its calls in waves (the cards once the holdings have answered, 100-300 ms apart in the
// bench's profiles, more under load), and a build started between two waves held the second up
// for the whole build (1.4 s at load 10 with 250 ms here). A screen opened before it starts
// builds the snapshot in its first call, as every opening did before the answers were stored.
export const WARM_UP_AFTER_IDLE_MS = 1_000;

/**
 * After the dashboard was answered from stored answers (stored-answers.ts), the engine's snapshot
 * has not been built; the screens after it (Rotation, Holdings by account) need it. It is built
 * once the calls are done, when nobody waits on the one backend thread, rather than in the first
 * of those screens' calls.
 */
export function createWarmUp(build: () => void) {
  let inFlight = 0;
  let wanted = false;
  let disposed = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    if (!wanted || inFlight > 0) return;
    timer = setTimeout(() => {
      if (!wanted || inFlight > 0) return;
      wanted = false;
      try {
        build();
      } catch {
        // Only a head start: the next call builds it again and answers the error, if any.
      }
    }, WARM_UP_AFTER_IDLE_MS);
    // Never what keeps a process (a test, the CLI) alive.
    timer.unref();
  };
  return {
    /** A stored answer was given: build the snapshot when the calls are done. */
    wanted: () => {
      wanted = !disposed;
    },
    callStarted: () => {
      inFlight++;
      clearTimeout(timer);
    },
    callEnded: () => {
      inFlight--;
      schedule();
    },
    dispose: () => {
      disposed = true;
      wanted = false;
      clearTimeout(timer);
    },
  };
}
