// Which stored answers are kept: the newest few of each call, so scrubbing Rotation's window
// through many answers does not push out the dashboard's, which a reopening needs.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store';
import { scratchDir } from './test-support/scratch';
import { STORED_ANSWERS_KEPT_PER_CALL } from './stored-answers-repo';

describe('stored answers kept', () => {
  let store: Store | undefined;
  afterEach(() => store?.close());

  it('keeps the newest few of each call, however many of another call come after', async () => {
    store = openStore(path.join(scratchDir(), 'tiltfolio.sqlite'));
    const repo = store.storedAnswers;
    const put = (call: string, minute: number) =>
      store!.write(() =>
        repo.put(
          call,
          { generation: 1, context: 'c', answer: '{}' },
          `2026-12-05T10:${String(minute).padStart(2, '0')}:00.000Z`,
        ),
      );
    await put('portfolio:holdings {"positions":"none"}', 0);
    await put('portfolio:tilt {}', 1);
    // Forty windows of the signals, one after another.
    for (let i = 0; i < 40; i++) await put(`portfolio:signals {"from":"2016-01-${10 + (i % 20)}","n":${i}}`, 2 + i);
    const calls = store.db.prepare('SELECT call FROM stored_answers ORDER BY stored_at').pluck().all() as string[];
    expect(calls.slice(0, 2)).toEqual(['portfolio:holdings {"positions":"none"}', 'portfolio:tilt {}']);
    const signals = calls.filter((c) => c.startsWith('portfolio:signals '));
    expect(signals).toHaveLength(STORED_ANSWERS_KEPT_PER_CALL);
    // The newest of them.
    expect(signals.at(-1)).toContain('"n":39');
    expect(signals[0]).toContain(`"n":${40 - STORED_ANSWERS_KEPT_PER_CALL}`);
  });
});
