import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { createWriteQueue } from './write-queue';

/** A promise the test settles by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('the write queue', () => {
  it('runs one task at a time, in the order asked, each after the one before has settled', async () => {
    const queue = createWriteQueue(60_000);
    const log: string[] = [];
    const first = gate();
    const a = queue.run(async () => {
      log.push('a starts');
      await first.promise;
      log.push('a ends');
      return 'a';
    });
    const b = queue.run(() => {
      log.push('b');
      throw new Error('b failed');
    });
    const c = queue.run(() => {
      log.push('c');
      return 'c';
    });
    expect(queue.length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['a starts']);
    first.open();
    expect(await a).toBe('a');
    await expect(b).rejects.toThrow('b failed');
    expect(await c).toBe('c');
    expect(log).toEqual(['a starts', 'a ends', 'b', 'c']);
    expect(queue.length).toBe(0);
  });

  it('answers busy for a task whose turn does not come within the wait, and never runs it', async () => {
    const queue = createWriteQueue(100);
    const held = gate();
    const ran: string[] = [];
    const long = queue.run(() => held.promise);
    const late = queue.run(() => void ran.push('late'));
    const error = await late.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'busy', message: expect.stringMatching(/Nothing was changed; try again/) });
    held.open();
    await long;
    // The next task runs at once; the dropped one never did.
    expect(await queue.run(() => 'next')).toBe('next');
    expect(ran).toEqual([]);
  });

  it('drops a task past its deadline even when a synchronous task held up its timer', async () => {
    const queue = createWriteQueue(50);
    const ran: string[] = [];
    const results = await Promise.allSettled([
      queue.run(async () => {
        await null;
        // Busy on the thread itself (a long replay): no timer can fire meanwhile.
        const until = Date.now() + 120;
        while (Date.now() < until);
        ran.push('sync');
      }),
      queue.run(() => void ran.push('after')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(ran).toEqual(['sync']);
  });

  it('runs a task asked from inside a running one in that same turn, and queues work left behind', async () => {
    const queue = createWriteQueue(60_000);
    const log: string[] = [];
    let leftBehind: Promise<unknown> = Promise.resolve();
    const outer = queue.run(async () => {
      log.push('backup');
      await queue.run(() => void log.push('import, in the same turn'));
      leftBehind = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
        queue.run(() => void log.push('later, queued')),
      );
    });
    const queued = queue.run(() => void log.push('next caller'));
    await outer;
    await queued;
    await leftBehind;
    expect(log).toEqual(['backup', 'import, in the same turn', 'next caller', 'later, queued']);
  });
});
