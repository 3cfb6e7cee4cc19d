// How long the backend waits with no call in flight before it builds the snapshot: the dashboard
// asks its calls in waves (the data-health check once the holdings have answered), and a build
// started between two waves would hold the second up for a second at scale.
export const WARM_UP_AFTER_IDLE_MS = 250;

/**
 * After the dashboard was answered from stored answers (stored-answers.ts), the engine's snapshot
 * has not been built; the screens after it (Rotation, Holdings by account) need it. It is built
 * once the calls are done, when nobody waits on the one backend thread, rather than in the first
 * of those screens' calls.
 */
export function createWarmUp(build: () => void) {
  let inFlight = 0;
  let wanted = false;
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
      wanted = true;
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
      wanted = false;
      clearTimeout(timer);
    },
  };
}
