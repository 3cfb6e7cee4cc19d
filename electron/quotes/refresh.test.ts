import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../shared/quotes/types';
import { createQuotesRepo } from '../db/quotes-repo';
import { loadFixtures, type Fault, type FaultRule } from './test-support/fake-quote-server';
import { startHarness, type Harness } from './test-support/quote-harness';

const fixtures = loadFixtures();
const fixture = (symbol: string) => fixtures.get(symbol)!.bars;

async function refresh(h: Harness, symbols?: string[]) {
  return h.backend.quotes.startRefresh({ symbols }).done;
}

/** Seeds SPY and AAPL with their fixture history up to 2019-01-31, as an earlier refresh would have. */
function seedUntilJanuary(h: Harness) {
  const repo = createQuotesRepo(h.backend.db);
  for (const symbol of ['SPY', 'AAPL']) {
    repo.upsertBars(
      symbol,
      'yahoo',
      '2019-02-01T00:00:00.000Z',
      fixture(symbol).filter((b) => b.day <= '2019-01-31'),
    );
  }
}

describe('refresh from Yahoo', () => {
  it('fills an empty cache with every symbol, its corporate actions and a log entry each', async () => {
    const h = await startHarness();
    const summary = await refresh(h, ['SPY', 'AAPL', '^RUT', 'XLF']);
    expect(summary).toMatchObject({ state: 'done', ok: 4, failed: 0 });

    const spy = h.backend.quotes.history('SPY');
    expect(
      spy.map(({ day, open, high, low, close, adjClose, volume }) => ({
        day,
        open,
        high,
        low,
        close,
        adjClose,
        volume,
      })),
    ).toEqual(fixture('SPY'));
    expect(
      createQuotesRepo(h.backend.db)
        .rows('SPY')
        .every((bar) => bar.source === 'yahoo' && bar.fetchedAt === '2019-02-25T12:00:00.000Z'),
    ).toBe(true);
    expect(h.backend.quotes.history('^RUT')).toHaveLength(fixture('^RUT').length);
    expect(h.backend.quotes.corporateActions('XLF')).toEqual([
      expect.objectContaining({
        day: '2016-09-19',
        kind: 'split',
        numerator: 1231,
        denominator: 1000,
        source: 'yahoo',
      }),
    ]);

    const log = await h.backend.handlers['quotes:refreshLog']({});
    expect(log.map((entry) => [entry.symbol, entry.outcome, entry.barsWritten]).sort()).toEqual(
      [
        ['AAPL', 'ok', fixture('AAPL').length],
        ['SPY', 'ok', fixture('SPY').length],
        ['XLF', 'ok', fixture('XLF').length],
        ['^RUT', 'ok', fixture('^RUT').length],
      ].sort(),
    );

    // A first refresh asks for everything; it identifies itself as a browser.
    const first = h.server.requests.find((r) => r.symbol === 'SPY')!;
    expect(first.from).toBe('1970-01-02');
    expect(first.to).toBe('2019-02-25');
    expect(first.headers['user-agent']).toMatch(/^Mozilla\/5\.0/);
  });

  it('reports progress per symbol and overall, then announces the new data', async () => {
    const h = await startHarness();
    const { started, done } = h.backend.quotes.startRefresh({ symbols: ['SPY', 'AAPL'] });
    expect(started).toMatchObject({ state: 'running', symbolsTotal: 2 });
    await done;
    const progress = h.progress();
    expect(progress.every((p) => p.jobId === started.jobId)).toBe(true);
    expect(progress[0]).toEqual({ jobId: started.jobId, symbolsDone: 0, symbolsTotal: 2, state: 'running' });
    for (const symbol of ['SPY', 'AAPL']) {
      expect(progress.filter((p) => p.symbol === symbol).map((p) => p.state)).toEqual(['running', 'done']);
    }
    expect(progress.at(-1)).toMatchObject({ symbolsDone: 2, symbolsTotal: 2, state: 'done' });
    expect(progress.at(-1)!.symbol).toBeUndefined();
    expect(progress.at(-1)!.message).toMatch(/2 of 2 symbols updated/);
    expect(h.events.at(-1)).toEqual({ name: 'data:changed', payload: { scope: 'quotes' } });
  });

  it('is incremental: asks only from a week before the last cached bar, and takes revisions in that overlap', async () => {
    const series = loadFixtures();
    const h = await startHarness({ series });
    seedUntilJanuary(h);
    // The provider has since revised the close of 2019-01-30, inside the overlap.
    const revised = series.get('SPY')!.bars.find((b) => b.day === '2019-01-30')!;
    const oldClose = revised.close;
    revised.close = oldClose + 1;

    const summary = await refresh(h, ['SPY']);
    expect(summary.state).toBe('done');
    expect(h.server.requests.map((r) => [r.symbol, r.from, r.to])).toEqual([['SPY', '2019-01-24', '2019-02-25']]);
    const history = h.backend.quotes.history('SPY');
    expect(history).toHaveLength(fixture('SPY').length);
    expect(history.find((b) => b.day === '2019-01-30')!.close).toBe(oldClose + 1);
    expect(history.at(-1)!.day).toBe('2019-02-22');
    const log = h.backend.quotes.refreshLog(1)[0]!;
    expect(log.barsWritten).toBe(fixture('SPY').filter((b) => b.day >= '2019-01-24').length);
  });

  it('refreshes every instrument and cached symbol when none are named', async () => {
    const h = await startHarness();
    h.backend.db.prepare(`INSERT INTO instruments (symbol, kind) VALUES ('XLF', 'etf'), ('CASH', 'cash')`).run();
    await h.backend.quotes.setManualPrice('MYFUND', '2019-02-22', 10);
    seedUntilJanuary(h);
    const summary = await refresh(h);
    expect(summary).toMatchObject({ state: 'done', ok: 3 });
    expect(h.server.requests.map((r) => r.symbol).sort()).toEqual(['AAPL', 'SPY', 'XLF']);
  });

  it('skips null holes rather than writing zeros, keeping any cached bar for those days', async () => {
    const h = await startHarness();
    seedUntilJanuary(h);
    const before = createQuotesRepo(h.backend.db).rows('SPY');
    h.server.setFault('SPY', 'nullHoles');
    await refresh(h, ['SPY']);

    const after = createQuotesRepo(h.backend.db).rows('SPY');
    expect(after.every((bar) => bar.close > 0)).toBe(true);
    // Every third day of the answer was a hole: those days keep what was cached (2019-01-25 is one).
    const hole = before.find((b) => b.day === '2019-01-25')!;
    expect(after.find((b) => b.day === '2019-01-25')).toEqual(hole);
    // Holes after the cached range are simply absent.
    const served = fixture('SPY').filter((b) => b.day >= '2019-01-24');
    const holeDays = served.filter((_, i) => i % 3 === 1).map((b) => b.day);
    const newDays = new Set(after.map((b) => b.day));
    expect(holeDays.filter((d) => d > '2019-01-31').some((d) => newDays.has(d))).toBe(false);
    expect(h.backend.quotes.refreshLog(1)[0]!.message).toMatch(/skipped \d+ day\(s\) without a close/);
  });
});

describe('refresh from Stooq', () => {
  it('fills the cache from CSV, mapping symbols to Stooq codes', async () => {
    const h = await startHarness({ provider: 'stooq' });
    const summary = await refresh(h, ['AAPL', '^RUT']);
    expect(summary).toMatchObject({ state: 'done', ok: 2 });
    const aapl = h.backend.quotes.history('AAPL');
    expect(aapl.map((b) => [b.day, b.close, b.adjClose, b.source])).toEqual(
      fixture('AAPL').map((b) => [b.day, b.close, null, 'stooq']),
    );
    expect(h.backend.quotes.history('^RUT')).toHaveLength(fixture('^RUT').length);
    expect(h.server.requests.map((r) => [r.format, r.symbol, r.from]).sort()).toEqual([
      ['stooq', 'AAPL', '1970-01-02'],
      ['stooq', '^RUT', '1970-01-02'],
    ]);
  });
});

// Each fault, for each provider: the symbol's cache is exactly as before, the reason is in the
// refresh log and the progress events, and the healthy symbol beside it is still refreshed.
const FAULTS: { provider: ProviderId; fault: Fault | FaultRule; message: RegExp }[] = [
  { provider: 'yahoo', fault: 'http500', message: /HTTP 500 .*after 3 tries/ },
  { provider: 'yahoo', fault: { fault: 'http429', retryAfterSeconds: 1 }, message: /HTTP 429 .*after 3 tries/ },
  { provider: 'yahoo', fault: 'hang', message: /no answer from .* within 300 ms/ },
  { provider: 'yahoo', fault: 'truncated', message: /truncated/ },
  { provider: 'yahoo', fault: 'malformed', message: /not valid JSON/ },
  { provider: 'yahoo', fault: 'garbage', message: /not valid JSON/ },
  { provider: 'yahoo', fault: 'unknown', message: /Yahoo has no data for SPY: Not Found: No data found/ },
  { provider: 'yahoo', fault: 'empty', message: /no bars for SPY/ },
  { provider: 'yahoo', fault: 'wrongSymbol', message: /answered for AAPL when asked for SPY/ },
  { provider: 'stooq', fault: 'http500', message: /HTTP 500 .*after 3 tries/ },
  { provider: 'stooq', fault: { fault: 'http429', retryAfterSeconds: 1 }, message: /HTTP 429/ },
  { provider: 'stooq', fault: 'hang', message: /within 300 ms/ },
  { provider: 'stooq', fault: 'truncated', message: /truncated/ },
  { provider: 'stooq', fault: 'malformed', message: /line 2, column Close: "abc" is not a number/ },
  { provider: 'stooq', fault: 'garbage', message: /not CSV: "<html>/ },
  { provider: 'stooq', fault: 'unknown', message: /Stooq has no data for SPY/ },
  { provider: 'stooq', fault: 'empty', message: /no bars for SPY/ },
];

describe.each(FAULTS)('a $provider fault: $fault', ({ provider, fault, message }) => {
  it('leaves the cache unchanged, logs why, and refreshes the other symbol', async () => {
    const h = await startHarness({ provider, http: { timeoutMs: 300 } });
    seedUntilJanuary(h);
    const repo = createQuotesRepo(h.backend.db);
    const before = repo.rows('SPY');
    h.server.setFault('SPY', fault);

    const summary = await refresh(h, ['SPY', 'AAPL']);

    expect(repo.rows('SPY')).toEqual(before);
    expect(h.backend.quotes.corporateActions('SPY')).toEqual([]);
    const entry = h.backend.quotes.refreshLog(10, 'SPY')[0]!;
    expect(entry).toMatchObject({ symbol: 'SPY', provider, outcome: 'error', barsWritten: 0 });
    expect(entry.message).toMatch(message);
    expect(h.progress().find((p) => p.symbol === 'SPY' && p.state === 'failed')?.message).toMatch(message);

    expect(summary).toMatchObject({ state: 'done', ok: 1, failed: 1 });
    expect(repo.rows('AAPL').at(-1)!.day).toBe('2019-02-22');
  });
});

describe('retries', () => {
  it('waits out Retry-After on 429, then succeeds', async () => {
    const h = await startHarness();
    h.server.setFault('SPY', { fault: 'http429', retryAfterSeconds: 2, times: 1 });
    const summary = await refresh(h, ['SPY']);
    expect(summary.state).toBe('done');
    expect(h.sleeps).toEqual([2000]);
    expect(h.server.requests.map((r) => r.fault)).toEqual(['http429', null]);
    expect(h.backend.quotes.history('SPY')).toHaveLength(fixture('SPY').length);
  });

  it('backs off between tries after server errors, then succeeds', async () => {
    const h = await startHarness();
    h.server.setFault('SPY', { fault: 'http500', times: 2 });
    const summary = await refresh(h, ['SPY']);
    expect(summary.state).toBe('done');
    expect(h.sleeps).toEqual([100, 200]);
    expect(h.server.requests).toHaveLength(3);
  });

  it('does not retry what cannot pass: an unknown symbol is asked once', async () => {
    const h = await startHarness();
    h.server.setFault('SPY', 'unknown');
    await refresh(h, ['SPY']);
    expect(h.server.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('gives up at once when Retry-After is longer than it will wait', async () => {
    const h = await startHarness({ http: { maxRetryAfterMs: 5000 } });
    h.server.setFault('SPY', { fault: 'http429', retryAfterSeconds: 3600 });
    const summary = await refresh(h, ['SPY']);
    expect(summary.state).toBe('failed');
    expect(h.sleeps).toEqual([]);
    expect(h.server.requests).toHaveLength(1);
    expect(h.backend.quotes.refreshLog(1)[0]!.message).toMatch(/asks to wait 3600 s/);
  });

  it('reports the job as failed when every symbol failed', async () => {
    const h = await startHarness();
    h.server.setFault('*', 'unknown');
    const summary = await refresh(h, ['SPY', 'AAPL']);
    expect(summary).toMatchObject({ state: 'failed', ok: 0, failed: 2 });
    expect(h.progress().at(-1)).toMatchObject({ state: 'failed', symbolsDone: 2 });
  });
});

describe('concurrency, cancellation and offline', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    // Counted at the client: the server sees an aborted request close only a moment later.
    let inFlight = 0;
    let peak = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const h = await startHarness({
      http: { timeoutMs: 200, attempts: 1, fetch: countingFetch },
      tuning: { concurrency: 2 },
    });
    h.server.setFault('*', 'hang');
    const summary = await refresh(h, ['SPY', 'AAPL', 'XLF', '^RUT', 'QQQ']);
    expect(summary).toMatchObject({ state: 'failed', failed: 5 });
    expect(h.server.requests).toHaveLength(5);
    expect(peak).toBe(2);
  });

  it('cancels: requests in flight are dropped, the rest never start, the cache is unchanged', async () => {
    const h = await startHarness({ http: { timeoutMs: 60_000 }, tuning: { concurrency: 2 } });
    seedUntilJanuary(h);
    const repo = createQuotesRepo(h.backend.db);
    const before = [repo.rows('SPY'), repo.rows('AAPL')];
    h.server.setFault('*', 'hang');

    const { started, done } = h.backend.quotes.startRefresh({ symbols: ['SPY', 'AAPL', 'XLF', '^RUT'] });
    await h.server.waitForRequests(2);
    expect(await h.backend.handlers['quotes:cancel']({ jobId: started.jobId })).toEqual({ cancelled: true });
    const summary = await done;

    expect(summary.state).toBe('cancelled');
    expect(h.server.requests).toHaveLength(2);
    expect([repo.rows('SPY'), repo.rows('AAPL')]).toEqual(before);
    expect(h.backend.quotes.refreshLog(10).map((e) => e.outcome)).toEqual(['cancelled', 'cancelled']);
    expect(h.progress().at(-1)).toMatchObject({
      jobId: started.jobId,
      state: 'cancelled',
      symbolsDone: 2,
      symbolsTotal: 4,
    });
    expect(await h.backend.handlers['quotes:cancel']({ jobId: started.jobId })).toEqual({ cancelled: false });
  });

  it('answers a second request for the same symbols with the running job', async () => {
    const h = await startHarness({ http: { timeoutMs: 60_000 } });
    h.server.setFault('*', 'hang');
    const first = h.backend.quotes.startRefresh({ symbols: ['SPY', 'AAPL'] });
    const second = h.backend.quotes.startRefresh({ symbols: ['AAPL'] });
    expect(second.started.jobId).toBe(first.started.jobId);
    h.backend.quotes.cancel(first.started.jobId);
    await first.done;
  });

  it.each([
    ['offline mode', { offline: true }],
    ['provider none', { quoteProvider: 'none' as const }],
  ])('%s: reports offline at once and never touches the network', async (_name, patch) => {
    const h = await startHarness();
    seedUntilJanuary(h);
    await h.backend.handlers['settings:set'](patch);
    const started = await h.backend.handlers['quotes:refresh']({ symbols: ['SPY'] });
    expect(started).toMatchObject({ state: 'failed', symbolsTotal: 1 });
    expect(started.message).toMatch(/^Offline/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.progress()).toEqual([
      { jobId: started.jobId, symbolsDone: 0, symbolsTotal: 1, state: 'failed', message: started.message },
    ]);
    expect(h.server.requests).toHaveLength(0);
    // The cache still answers.
    expect((await h.backend.handlers['quotes:list']({}))[0]).toMatchObject({
      symbol: 'AAPL',
      lastDay: '2019-01-31',
      source: 'yahoo',
    });
  });

  it('closing the backend mid-refresh stops the job without writing or throwing', async () => {
    const h = await startHarness({ http: { timeoutMs: 60_000 } });
    h.server.setFault('*', 'hang');
    const { done } = h.backend.quotes.startRefresh({ symbols: ['SPY'] });
    await h.server.waitForRequests(1);
    h.backend.close();
    await expect(done).resolves.toMatchObject({ state: 'cancelled' });
  });
});
