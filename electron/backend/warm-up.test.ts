import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWarmUp, WARM_UP_AFTER_IDLE_MS } from './warm-up';

describe('warm-up (the snapshot built once the calls are done)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('builds once, after a quiet moment with no call in flight, and only when a stored answer was given', () => {
    vi.useFakeTimers();
    const build = vi.fn();
    const warm = createWarmUp(build);
    warm.callStarted();
    warm.callEnded();
    vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS * 3);
    expect(build).not.toHaveBeenCalled(); // nothing answered from the store: the calls built it

    warm.callStarted();
    warm.wanted();
    warm.callStarted(); // a second call arrives while the first is answered
    warm.callEnded();
    vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS * 3);
    expect(build).not.toHaveBeenCalled(); // one still in flight

    warm.callEnded();
    vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS - 1);
    warm.callStarted(); // the dashboard's next wave, just in time
    warm.callEnded();
    vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS - 1);
    expect(build).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(build).toHaveBeenCalledTimes(1);

    warm.callStarted();
    warm.callEnded();
    vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS * 3);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('does nothing once disposed, and a failing build is only a missed head start', () => {
    vi.useFakeTimers();
    const build = vi.fn(() => {
      throw new Error('closed');
    });
    const warm = createWarmUp(build);
    warm.wanted();
    warm.callStarted();
    warm.callEnded();
    warm.dispose();
    vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS * 3);
    warm.wanted(); // a stored answer given while the backend closes
    warm.callStarted();
    warm.callEnded();
    vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS * 3);
    expect(build).not.toHaveBeenCalled();

    const failing = createWarmUp(build);
    failing.wanted();
    failing.callStarted();
    failing.callEnded();
    expect(() => vi.advanceTimersByTime(WARM_UP_AFTER_IDLE_MS)).not.toThrow();
    expect(build).toHaveBeenCalledTimes(1);
  });
});
