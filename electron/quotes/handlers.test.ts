import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend/backend';
import { DEFAULT_SETTINGS } from '../backend/settings-store';
import { scratchDir } from '../db/test-support/scratch';

function open(dbPath = path.join(scratchDir(), 'api.sqlite')): Backend {
  return createBackend({
    dataDir: path.dirname(dbPath),
    dbPath,
    version: 'test',
    mode: 'browser',
    runtime: 'test',
    now: () => new Date('2019-03-01T09:00:00Z'),
  });
}

const CSV =
  'Date,Open,High,Low,Close,Adj Close,Volume\n2019-02-21,1,2,0.5,1.5,1.4,100\n2019-02-22,1.5,2,1,1.75,1.6,200\n';

describe('quote calls through the contract', () => {
  it('imports a file, then answers history, list and data:changed', async () => {
    const backend = open();
    const changes: unknown[] = [];
    backend.events.subscribe((name, payload) => name === 'data:changed' && changes.push(payload));

    const imported = await backend.dispatch('quotes:importFile', { fileName: 'C:\\data\\xlk.csv', content: CSV });
    expect(imported).toEqual({ ok: true, value: { bars: 2, symbols: [{ symbol: 'XLK', bars: 2 }] } });
    expect(changes).toEqual([{ scope: 'quotes' }]);

    const history = await backend.dispatch('quotes:history', { symbol: ' xlk ', from: '2019-02-22' });
    expect(history).toEqual({
      ok: true,
      value: [
        {
          day: '2019-02-22',
          open: 1.5,
          high: 2,
          low: 1,
          close: 1.75,
          adjClose: 1.6,
          volume: 200,
          source: 'file',
        },
      ],
    });
    expect(await backend.dispatch('quotes:list', {})).toEqual({
      ok: true,
      value: [
        {
          symbol: 'XLK',
          firstDay: '2019-02-21',
          lastDay: '2019-02-22',
          bars: 2,
          source: 'file',
          fetchedAt: '2019-03-01T09:00:00.000Z',
        },
      ],
    });
    backend.close();
  });

  it('refuses a bad CSV with the row named, and writes nothing', async () => {
    const backend = open();
    const result = await backend.dispatch('quotes:importFile', {
      fileName: 'SPY.csv',
      content: CSV.replace('1.75', 'n/a'),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'SPY.csv line 3, column Close: "n/a" is not a number', issues: [] },
    });
    expect(await backend.dispatch('quotes:list', {})).toEqual({ ok: true, value: [] });
    backend.close();
  });

  it('stores a manual price that wins over other sources that day', async () => {
    const backend = open();
    await backend.dispatch('quotes:importFile', { fileName: 'FUND.csv', content: CSV });
    const manual = await backend.dispatch('quotes:setManualPrice', { symbol: 'fund', day: '2019-02-22', close: 2.5 });
    expect(manual).toMatchObject({ ok: true, value: { day: '2019-02-22', close: 2.5, open: null, source: 'manual' } });
    const history = await backend.handlers['quotes:history']({ symbol: 'FUND' });
    expect(history.map((b) => [b.day, b.close, b.source])).toEqual([
      ['2019-02-21', 1.5, 'file'],
      ['2019-02-22', 2.5, 'manual'],
    ]);
    backend.close();
  });

  it.each([
    ['quotes:history', { symbol: 'SPY', from: '2019-02-30' }, /from: That date does not exist/],
    ['quotes:history', { symbol: 'SPY', from: '2019-03-01', to: '2019-02-01' }, /from must not be after to/],
    ['quotes:history', { symbol: 'SP Y' }, /symbol: Use a ticker/],
    ['quotes:history', { symbol: 'SPY', extra: 1 }, /Unrecognized key/],
    ['quotes:setManualPrice', { symbol: 'SPY', day: '2019-02-01', close: 0 }, /close: A price must be above zero/],
    ['quotes:setManualPrice', { symbol: 'SPY', day: '1/2/2019', close: 1 }, /day: Use a date written YYYY-MM-DD/],
    ['quotes:refresh', { symbols: ['SPY', 'DROP;TABLE'] }, /symbols.1: Use a ticker/],
    ['quotes:refreshLog', { limit: 0 }, /limit/],
    ['settings:set', { yahooBaseUrl: 'ftp://example.com' }, /yahooBaseUrl: Use an http/],
    ['settings:set', { quoteProvider: 'bloomberg' }, /quoteProvider/],
  ])('%s refuses %j', async (name, input, message) => {
    const backend = open();
    const result = await backend.dispatch(name, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(message);
    }
    backend.close();
  });

  it('keeps settings across restarts, defaulting what was never set', async () => {
    const dbPath = path.join(scratchDir(), 'settings.sqlite');
    const first = open(dbPath);
    expect(await first.handlers['settings:get']({})).toEqual(DEFAULT_SETTINGS);
    const updated = await first.handlers['settings:set']({
      quoteProvider: 'stooq',
      stooqBaseUrl: 'http://127.0.0.1:9999',
      offline: true,
    });
    expect(updated).toEqual({
      ...DEFAULT_SETTINGS,
      quoteProvider: 'stooq',
      stooqBaseUrl: 'http://127.0.0.1:9999',
      offline: true,
    });
    first.close();

    const second = open(dbPath);
    expect(await second.handlers['settings:get']({})).toEqual(updated);
    // A value that no longer validates reads as its default.
    second.db.prepare(`UPDATE settings SET value = '"carrier-pigeon"' WHERE key = 'quoteProvider'`).run();
    expect((await second.handlers['settings:get']({})).quoteProvider).toBe('yahoo');
    second.close();
  });

  it('lists the refresh log newest first, for one symbol or all', async () => {
    const backend = open();
    const log = backend.db.prepare(
      `INSERT INTO refresh_log (job_id, symbol, provider, started_at, finished_at, outcome, bars_written, message) VALUES ('j', ?, 'yahoo', 'a', 'b', 'ok', 1, '')`,
    );
    for (const symbol of ['SPY', 'AAPL', 'SPY']) log.run(symbol);
    const all = await backend.handlers['quotes:refreshLog']({ limit: 2 });
    expect(all.map((e) => [e.id, e.symbol])).toEqual([
      [3, 'SPY'],
      [2, 'AAPL'],
    ]);
    const spy = await backend.dispatch('quotes:refreshLog', { symbol: 'spy' });
    expect(spy.ok && (spy.value as { id: number }[]).map((e) => e.id)).toEqual([3, 1]);
    backend.close();
  });

  it("tells the latest job's failures and the last successful refresh apart", async () => {
    const backend = open();
    expect(await backend.handlers['quotes:refreshStatus']({})).toEqual({ lastJob: null, lastSuccess: null });
    const log = backend.db.prepare(
      `INSERT INTO refresh_log (job_id, symbol, provider, started_at, finished_at, outcome, bars_written, message) VALUES (?, ?, 'yahoo', ?, ?, ?, 0, '')`,
    );
    // An older job where AAPL worked, then a job where all three symbols failed.
    log.run('j1', 'AAPL', '2026-11-30T10:00:00Z', '2026-11-30T10:00:05Z', 'ok');
    log.run('j1', 'SPY', '2026-11-30T10:00:05Z', '2026-11-30T10:00:09Z', 'error');
    for (const [symbol, end] of [
      ['AAPL', '2026-12-04T09:00:01Z'],
      ['SPY', '2026-12-04T09:00:03Z'],
      ['QQQ', '2026-12-04T09:00:02Z'],
    ])
      log.run('j2', symbol, '2026-12-04T09:00:00Z', end, 'error');
    expect(await backend.handlers['quotes:refreshStatus']({})).toEqual({
      lastJob: { jobId: 'j2', finishedAt: '2026-12-04T09:00:03Z', symbols: 3, ok: 0, failed: 3, cancelled: 0 },
      lastSuccess: { symbol: 'AAPL', finishedAt: '2026-11-30T10:00:05Z' },
    });
    backend.close();
  });

  it('says there is nothing to refresh in an empty cache, without a network call', async () => {
    const backend = open();
    const started = await backend.handlers['quotes:refresh']({});
    expect(started).toMatchObject({ state: 'done', symbolsTotal: 0 });
    expect(started.message).toMatch(/Nothing to refresh/);
    backend.close();
  });
});
