import { describe, expect, it } from 'vitest';
import { forEachLimited } from './concurrency';

/** Lets every pending continuation run (shared/ has no timers). */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('forEachLimited', () => {
  it('never runs more than the limit at once and runs every item', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const gates: (() => void)[] = [];
    const all = forEachLimited([1, 2, 3, 4, 5], 2, async (item) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      seen.push(item);
      running--;
    });
    // Release one waiting item at a time until all have run.
    for (let released = 0; released < 5; released++) {
      await flush();
      expect(running).toBeLessThanOrEqual(2);
      gates.shift()!();
    }
    await all;
    expect(peak).toBe(2);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('finishes the other items when one throws, then rethrows', async () => {
    const seen: number[] = [];
    await expect(
      forEachLimited([1, 2, 3], 1, async (item) => {
        if (item === 1) throw new Error('boom');
        seen.push(item);
      }),
    ).rejects.toThrow('boom');
    expect(seen).toEqual([2, 3]);
  });
});
