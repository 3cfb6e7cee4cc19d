// Absurd quotes (issue 21, item 5): a provider answer or a file with an impossible bar is refused
// whole, naming the symbol and day (or file and line); a bar that got into the cache anyway (an
// older version stored bars from 2206) can be deleted, after which the symbol refreshes again.
import { describe, expect, it } from 'vitest';
import type { QuoteBar as Bar } from '../../shared/domain/bar';
import { createQuotesRepo } from '../db/quotes-repo';
import { loadFixtures, type FakeSeries } from './test-support/fake-quote-server';
import { startHarness, TEST_NOW } from './test-support/quote-harness';

const fixtures = loadFixtures();

/** SPY's real history with one bar changed, or with a split added. */
function spyWith(change: (bars: Bar[]) => Bar[], splits: FakeSeries['splits'] = []): Map<string, FakeSeries> {
  const spy = fixtures.get('SPY')!;
  return new Map([['SPY', { ...spy, bars: change(spy.bars.map((b) => ({ ...b }))), splits }]]);
}
const lastBar = (bars: Bar[], over: Partial<Bar>) => [...bars.slice(0, -1), { ...bars.at(-1)!, ...over }];

describe('a provider answer with an impossible bar', () => {
  it.each([
    [
      'a negative open',
      { open: -1 },
      "The provider's bar for SPY on 2019-02-22 is impossible: open -1 is not a positive price.",
    ],
    [
      'a close of 1e12',
      { close: 1e12 },
      "The provider's bar for SPY on 2019-02-22 is impossible: close 1000000000000 is outside the possible prices 1e-9 to 10000000000.",
    ],
    [
      'high below low',
      { high: 1, low: 2, close: 1.5 },
      "The provider's bar for SPY on 2019-02-22 is impossible: high 1 is below low 2.",
    ],
  ])('%s is refused with the symbol and day; nothing is written', async (_what, over, message) => {
    const h = await startHarness({ series: spyWith((bars) => lastBar(bars, over)) });
    const summary = await h.backend.quotes.startRefresh({ symbols: ['SPY'] }).done;
    expect(summary).toMatchObject({ state: 'failed', failed: 1, barsWritten: 0 });
    const [entry] = await h.backend.handlers['quotes:refreshLog']({ symbol: 'SPY' });
    expect(entry).toMatchObject({ outcome: 'error', message });
    expect(createQuotesRepo(h.backend.db).rows('SPY')).toEqual([]);
  });

  it('refuses a 1e9:1 split', async () => {
    const h = await startHarness({
      series: spyWith((bars) => bars, [{ day: '2019-02-20', numerator: 1e9, denominator: 1 }]),
    });
    const summary = await h.backend.quotes.startRefresh({ symbols: ['SPY'] }).done;
    expect(summary).toMatchObject({ state: 'failed', barsWritten: 0 });
    const [entry] = await h.backend.handlers['quotes:refreshLog']({ symbol: 'SPY' });
    expect(entry?.message).toBe(
      "The provider's answer for SPY on 2019-02-20: a split of 1000000000:1 is outside 10000:1 to 1:10000.",
    );
  });
});

describe('quotes:delete', () => {
  it('removes a bar from the future that stopped every refresh, and the symbol refreshes again', async () => {
    const h = await startHarness();
    const spy = fixtures.get('SPY')!.bars;
    // What an older version let in: the real history up to January and one bar dated 2206.
    const repo = createQuotesRepo(h.backend.db);
    repo.upsertBars(
      'SPY',
      'yahoo',
      '2019-02-01T00:00:00.000Z',
      spy.filter((b) => b.day <= '2019-01-31'),
    );
    repo.upsertBars('SPY', 'file', '2019-02-01T00:00:00.000Z', [{ ...spy[0]!, day: '2206-03-01' }]);
    const stuck = await h.backend.quotes.startRefresh({ symbols: ['SPY'] }).done;
    expect(stuck).toMatchObject({ state: 'failed', barsWritten: 0 });

    const changes: unknown[] = [];
    h.backend.events.subscribe((name, payload) => name === 'data:changed' && changes.push(payload));
    const deleted = await h.backend.dispatch('quotes:delete', { symbol: 'spy', from: '2019-02-26' });
    expect(deleted).toEqual({
      ok: true,
      value: { symbol: 'SPY', deleted: 1, firstDay: '2206-03-01', lastDay: '2206-03-01' },
    });
    expect(changes).toEqual([{ scope: 'quotes' }]);

    const again = await h.backend.quotes.startRefresh({ symbols: ['SPY'] }).done;
    expect(again).toMatchObject({ state: 'done', ok: 1 });
    const days = h.backend.quotes.history('SPY').map((b) => b.day);
    expect(days.at(-1)).toBe(spy.at(-1)!.day);
    expect(days.at(-1)! <= TEST_NOW.toISOString().slice(0, 10)).toBe(true);
    expect(days).toHaveLength(spy.length);
  });

  it('deletes a range of every source, or all, and refuses a backwards range', async () => {
    const h = await startHarness();
    const spy = fixtures.get('SPY')!.bars;
    const repo = createQuotesRepo(h.backend.db);
    repo.upsertBars('SPY', 'yahoo', '2019-02-01T00:00:00.000Z', spy);
    repo.upsertBars('SPY', 'manual', '2019-02-01T00:00:00.000Z', [{ ...spy[1]! }]);
    const inJanuary = spy.filter((b) => b.day >= '2019-01-01' && b.day <= '2019-01-31');
    const january = await h.backend.dispatch('quotes:delete', { symbol: 'SPY', from: '2019-01-01', to: '2019-01-31' });
    expect(january).toMatchObject({
      ok: true,
      value: { deleted: inJanuary.length, firstDay: inJanuary[0]!.day, lastDay: inJanuary.at(-1)!.day },
    });
    expect(repo.rows('SPY').some((b) => b.day.startsWith('2019-01'))).toBe(false);
    // The rest: every remaining yahoo row plus the typed one.
    const rest = await h.backend.dispatch('quotes:delete', { symbol: 'SPY' });
    expect(rest).toMatchObject({ ok: true, value: { deleted: spy.length - inJanuary.length + 1 } });
    expect(repo.rows('SPY')).toEqual([]);
    expect(await h.backend.dispatch('quotes:delete', { symbol: 'SPY' })).toMatchObject({
      ok: true,
      value: { deleted: 0, firstDay: null, lastDay: null },
    });
    expect(
      await h.backend.dispatch('quotes:delete', { symbol: 'SPY', from: '2019-02-01', to: '2019-01-01' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('from must not be after to') },
    });
  });

  it('refuses a typed price dated after today or out of range', async () => {
    const h = await startHarness();
    expect(
      await h.backend.dispatch('quotes:setManualPrice', { symbol: 'XYZ', day: '2206-01-04', close: 5 }),
    ).toMatchObject({
      ok: false,
      error: { message: 'A price for XYZ on 2206-01-04 cannot be stored: 2206-01-04 is after today (2019-02-25).' },
    });
    expect(
      await h.backend.dispatch('quotes:setManualPrice', { symbol: 'XYZ', day: '2019-01-04', close: 1e12 }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('close 1000000000000 is outside the possible prices') },
    });
  });
});
