// A split the provider reports after bars were cached: the older bars are brought onto the new
// scale in the refresh's own transaction, once, and a failure leaves the cache as it was.
import type { QuoteBar } from '../../shared/domain/bar';
import { describe, expect, it } from 'vitest';
import { createQuotesRepo } from '../db/quotes-repo';
import { loadFixtures, type FakeSeries } from './test-support/fake-quote-server';
import { startHarness, type Harness } from './test-support/quote-harness';

const SPLIT_DAY = '2019-02-19';
const original = loadFixtures().get('AAPL')!.bars;

/** A bar as a provider publishes it after a 4-for-1 split (or a 1231:1000 one for XLF). */
function onNewScale(bar: QuoteBar, ratio = 4): QuoteBar {
  const price = (value: number | null) => (value === null ? null : value / ratio);
  return {
    ...bar,
    open: price(bar.open),
    high: price(bar.high),
    low: price(bar.low),
    close: bar.close / ratio,
    adjClose: price(bar.adjClose),
    volume: bar.volume === null ? null : Math.round(bar.volume * ratio),
  };
}

/** The provider today: AAPL split 4-for-1 on SPLIT_DAY, its whole history on the new scale. */
function providerAfterSplit(): Map<string, FakeSeries> {
  const series = loadFixtures();
  const aapl = series.get('AAPL')!;
  series.set('AAPL', {
    ...aapl,
    bars: aapl.bars.map((bar) => onNewScale(bar)),
    splits: [{ day: SPLIT_DAY, numerator: 4, denominator: 1 }],
  });
  return series;
}

const atDay = (day: string, from: QuoteBar = original[0]!): QuoteBar => ({ ...from, day });

/**
 * The cache as it stood before the split: Yahoo's bars to 2019-01-31 (and two older days the
 * provider no longer serves), a file bar, a price typed before the split day and one typed after
 * it on the new scale.
 */
function seedBeforeSplit(h: Harness) {
  const repo = createQuotesRepo(h.backend.db);
  repo.upsertBars('AAPL', 'yahoo', '2018-09-29T00:00:00.000Z', [atDay('2018-09-27'), atDay('2018-09-28')]);
  repo.upsertBars(
    'AAPL',
    'yahoo',
    '2019-02-01T00:00:00.000Z',
    original.filter((b) => b.day <= '2019-01-31'),
  );
  repo.upsertBars('AAPL', 'file', '2018-09-30T09:00:00.000Z', [atDay('2018-09-26')]);
  const typed = original.find((b) => b.day === '2019-01-15')!;
  repo.upsertBars('AAPL', 'manual', '2019-01-16T10:00:00.000Z', [
    { day: '2019-01-15', open: null, high: null, low: null, close: typed.close, adjClose: null, volume: null },
  ]);
  // Typed on 2019-02-25 (the harness's clock), after the split, from a price list already adjusted.
  h.backend.quotes.setManualPrice(
    'AAPL',
    '2019-01-16',
    onNewScale(original.find((b) => b.day === '2019-01-16')!).close,
  );
  return repo;
}

/** The largest close-to-close move, as a fraction: a 4-for-1 cliff is −0.75. */
function largestMove(bars: { close: number }[]): number {
  let largest = 0;
  for (let i = 1; i < bars.length; i++) {
    largest = Math.max(largest, Math.abs(bars[i]!.close / bars[i - 1]!.close - 1));
  }
  return largest;
}

async function refresh(h: Harness, symbols: string[]) {
  return h.backend.quotes.startRefresh({ symbols }).done;
}

const requestsFor = (h: Harness, symbol: string) =>
  h.server.requests.filter((r) => r.symbol === symbol).map((r) => [r.from, r.to, r.fault]);

describe('a refresh that brings a new split', () => {
  it('re-fetches the history, rescales what the provider no longer serves, and leaves no cliff', async () => {
    const h = await startHarness({ series: providerAfterSplit() });
    const repo = seedBeforeSplit(h);
    const summary = await refresh(h, ['AAPL']);
    expect(summary).toMatchObject({ state: 'done', ok: 1 });

    // The incremental ask, then the whole cached span again.
    expect(requestsFor(h, 'AAPL')).toEqual([
      ['2019-01-24', '2019-02-25', null],
      ['2018-09-27', '2019-02-25', null],
    ]);

    const history = h.backend.quotes.history('AAPL');
    expect(largestMove(history)).toBeLessThan(0.2);
    const served = new Map(original.map((b) => [b.day, onNewScale(b)]));
    for (const bar of history.filter((b) => b.source === 'yahoo' && b.day >= '2018-10-01')) {
      expect(bar).toEqual({ ...served.get(bar.day)!, source: 'yahoo' });
    }

    const rows = repo.rows('AAPL');
    const at = (day: string, source: string) => rows.find((r) => r.day === day && r.source === source)!;
    // Not served any more: rescaled in place, fetched_at kept.
    expect(at('2018-09-27', 'yahoo')).toEqual({
      ...onNewScale(atDay('2018-09-27')),
      source: 'yahoo',
      fetchedAt: '2018-09-29T00:00:00.000Z',
    });
    expect(at('2018-09-26', 'file')).toEqual({
      ...onNewScale(atDay('2018-09-26')),
      source: 'file',
      fetchedAt: '2018-09-30T09:00:00.000Z',
    });
    // Typed before the split day: on the old scale, so rescaled; typed after it: kept.
    expect(at('2019-01-15', 'manual').close).toBe(served.get('2019-01-15')!.close);
    expect(at('2019-01-16', 'manual').close).toBe(served.get('2019-01-16')!.close);
    expect(at('2019-01-16', 'manual').fetchedAt).toBe('2019-02-25T12:00:00.000Z');

    expect(h.backend.quotes.corporateActions('AAPL')).toEqual([
      expect.objectContaining({ day: SPLIT_DAY, kind: 'split', numerator: 4, denominator: 1, source: 'yahoo' }),
    ]);
    const entry = h.backend.quotes.refreshLog(1, 'AAPL')[0]!;
    expect(entry).toMatchObject({ outcome: 'ok', barsWritten: original.length });
    expect(entry.message).toBe(
      `${original.length} bars from 2018-10-01 to 2019-02-22; history adjusted for the 4:1 split of ${SPLIT_DAY}: ` +
        're-fetched the history from 2018-09-27, rescaled 1 file bar, rescaled 1 manual bar, rescaled 2 yahoo bars, ' +
        'kept 1 bar stored on or after the split day as it was',
    );
    expect(h.progress().find((p) => p.symbol === 'AAPL' && p.state === 'done')?.message).toBe(entry.message);
  });

  it('applies it once: a second refresh that sees the same split neither re-fetches nor rescales', async () => {
    const h = await startHarness({ series: providerAfterSplit() });
    const repo = seedBeforeSplit(h);
    await refresh(h, ['AAPL']);
    const adjusted = repo.rows('AAPL');
    const asked = h.server.requests.length;

    const summary = await refresh(h, ['AAPL']);

    expect(summary).toMatchObject({ state: 'done', ok: 1 });
    // The overlap from 2019-02-15 reaches the split day, so the answer reports the split again.
    expect(h.server.requests.slice(asked).map((r) => [r.symbol, r.from, r.to])).toEqual([
      ['AAPL', '2019-02-15', '2019-02-25'],
    ]);
    expect(h.backend.quotes.refreshLog(1, 'AAPL')[0]!.message).not.toMatch(/adjusted/);
    expect(repo.rows('AAPL').filter((r) => r.day < '2019-02-15')).toEqual(adjusted.filter((r) => r.day < '2019-02-15'));
    expect(largestMove(h.backend.quotes.history('AAPL'))).toBeLessThan(0.2);
  });

  it('leaves the cache exactly as it was when the re-fetch is truncated, logs why, and adjusts on the next try', async () => {
    const h = await startHarness({ series: providerAfterSplit() });
    const repo = seedBeforeSplit(h);
    const before = repo.rows('AAPL');
    h.server.setFault('AAPL', { fault: 'truncated', after: 1 });

    const summary = await refresh(h, ['AAPL', 'SPY']);

    expect(summary).toMatchObject({ state: 'done', ok: 1, failed: 1 });
    expect(requestsFor(h, 'AAPL')).toEqual([
      ['2019-01-24', '2019-02-25', null],
      ...Array.from({ length: 3 }, () => ['2018-09-27', '2019-02-25', 'truncated']),
    ]);
    expect(repo.rows('AAPL')).toEqual(before);
    expect(h.backend.quotes.corporateActions('AAPL')).toEqual([]);
    const entry = h.backend.quotes.refreshLog(10, 'AAPL')[0]!;
    expect(entry).toMatchObject({ outcome: 'error', barsWritten: 0 });
    expect(entry.message).toMatch(/truncated.*after 3 tries/);
    expect(repo.rows('SPY').at(-1)!.day).toBe('2019-02-22');

    // The split is still new to the cache, so the next refresh does the whole adjustment.
    h.server.clearFaults();
    await refresh(h, ['AAPL']);
    expect(h.backend.quotes.refreshLog(1, 'AAPL')[0]!.message).toMatch(/history adjusted for the 4:1 split/);
    expect(largestMove(h.backend.quotes.history('AAPL'))).toBeLessThan(0.2);
  });

  it('rolls the rescale back with the new bars when the write itself fails', async () => {
    const h = await startHarness({ series: providerAfterSplit() });
    const repo = seedBeforeSplit(h);
    const before = repo.rows('AAPL');
    // Fails the transaction after the rescale and the new bars, at the corporate actions.
    h.backend.db.exec(`CREATE TRIGGER refuse_split BEFORE INSERT ON corporate_actions
                       BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);

    const summary = await refresh(h, ['AAPL']);

    expect(summary).toMatchObject({ state: 'failed', failed: 1 });
    expect(repo.rows('AAPL')).toEqual(before);
    expect(h.backend.quotes.refreshLog(1, 'AAPL')[0]).toMatchObject({ outcome: 'error', message: 'disk says no' });
  });

  it('writes nothing when cancelled during the re-fetch', async () => {
    const h = await startHarness({ series: providerAfterSplit(), http: { timeoutMs: 60_000 } });
    const repo = seedBeforeSplit(h);
    const before = repo.rows('AAPL');
    h.server.setFault('AAPL', { fault: 'hang', after: 1 });

    const { started, done } = h.backend.quotes.startRefresh({ symbols: ['AAPL'] });
    await h.server.waitForRequests(2);
    h.backend.quotes.cancel(started.jobId);

    expect(await done).toMatchObject({ state: 'cancelled' });
    expect(repo.rows('AAPL')).toEqual(before);
    expect(h.backend.quotes.corporateActions('AAPL')).toEqual([]);
  });

  it('needs no re-fetch when nothing of the provider’s was cached before the split, but rescales a file bar', async () => {
    const h = await startHarness();
    const repo = createQuotesRepo(h.backend.db);
    const xlf = loadFixtures().get('XLF')!.bars;
    // Imported before the 1231:1000 split of 2016-09-19, so on the old scale.
    const imported = { ...xlf[0]!, day: '2016-07-29' };
    repo.upsertBars('XLF', 'file', '2016-08-01T08:00:00.000Z', [imported]);

    await refresh(h, ['XLF']);

    expect(requestsFor(h, 'XLF')).toEqual([['2016-07-22', '2019-02-25', null]]);
    const [file] = repo.rows('XLF').filter((r) => r.source === 'file');
    const ratio = 1231 / 1000;
    expect(file!.close).toBeCloseTo(imported.close / ratio, 10);
    expect(file!.volume).toBe(Math.round(imported.volume! * ratio));
    expect(h.backend.quotes.refreshLog(1, 'XLF')[0]!.message).toMatch(
      /history adjusted for the 1231:1000 split of 2016-09-19: rescaled 1 file bar$/,
    );
  });

  it('adjusts nothing for a split in a symbol’s first fetch', async () => {
    const h = await startHarness();
    await refresh(h, ['XLF']);
    expect(requestsFor(h, 'XLF')).toHaveLength(1);
    expect(h.backend.quotes.refreshLog(1, 'XLF')[0]!.message).not.toMatch(/split/);
    expect(h.backend.quotes.corporateActions('XLF')).toHaveLength(1);
  });
});
