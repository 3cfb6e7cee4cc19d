// Exchange rates through the refresh, against the local fake server: EURUSD=X served from the ECB's
// real history (a Yahoo chart answer or a Stooq CSV of it), and the same faults as quotes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuoteBar } from '../../shared/domain/bar';
import type { ProviderId } from '../../shared/quotes/types';
import { callOk } from '../test-support/backend';
import type { Fault, FaultRule, FakeSeries } from './test-support/fake-quote-server';
import { startHarness, type Harness } from './test-support/quote-harness';

const ECB_FILE = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'fx', 'eurofxref-hist.csv');
const ECB_TEXT = fs.readFileSync(ECB_FILE, 'utf8');

/** The ECB's EUR→USD rates up to the harness's today, oldest first, read with a plain split. */
const USD_RATES: [string, string][] = (() => {
  const [head, ...lines] = ECB_TEXT.trim().split('\n');
  const at = head!.split(',').indexOf('USD');
  return lines
    .map((line) => line.split(','))
    .filter((cells) => cells[0]! <= '2019-02-22' && cells[at] !== 'N/A')
    .map((cells): [string, string] => [cells[0]!, cells[at]!])
    .reverse();
})();

const bar = (day: string, close: number): QuoteBar => ({
  day,
  open: close,
  high: close,
  low: close,
  close,
  adjClose: close,
  volume: 0,
});

function fxSeries(): Map<string, FakeSeries> {
  return new Map<string, FakeSeries>([
    ['EURUSD=X', { bars: USD_RATES.map(([day, rate]) => bar(day, Number(rate))), instrumentType: 'CURRENCY' }],
    ['USDJPY=X', { bars: [bar('2019-02-21', 110.7), bar('2019-02-22', 110.69)], instrumentType: 'CURRENCY' }],
  ]);
}

/** A EUR account in a portfolio whose base currency is USD: the refresh needs EUR/USD. */
async function euroPortfolio(h: Harness, ...currencies: string[]) {
  for (const [i, currency] of ['EUR', ...currencies].entries())
    await callOk(h.backend, 'accounts:create', { name: `Depot ${i}`, currency });
}

const usdRates = (h: Harness) =>
  h.backend.store.fxRates
    .all()
    .filter((r) => r.base === 'EUR' && r.quote === 'USD')
    .map((r) => [r.day, r.rate, r.source]);

/** The ECB file's USD column cut at a day, in the ECB's layout, as an earlier import would have left the cache. */
function ecbUntil(day: string): string {
  const rows = USD_RATES.filter(([d]) => d <= day).reverse();
  return ['Date,USD,', ...rows.map(([d, rate]) => `${d},${rate},`)].join('\n') + '\n';
}

const refreshAll = (h: Harness) => h.backend.quotes.startRefresh({}).done;

describe.each<ProviderId>(['yahoo', 'stooq'])('exchange rates from %s', (provider) => {
  it('fetches the pair the portfolio needs, written the way the provider quotes it, every rate as the ECB wrote it', async () => {
    const h = await startHarness({ provider, series: fxSeries() });
    await euroPortfolio(h);
    const summary = await refreshAll(h);
    expect(summary).toMatchObject({ state: 'done', ok: 1, failed: 0, barsWritten: 0, ratesWritten: USD_RATES.length });
    expect(summary.message).toBe(
      `1 of 1 symbols and currency pairs updated, 0 bars and ${USD_RATES.length} exchange rates written.`,
    );
    expect(h.server.requests.map((r) => [r.format, r.symbol, r.from])).toEqual([[provider, 'EURUSD=X', '1970-01-02']]);
    expect(usdRates(h)).toEqual(USD_RATES.map(([day, rate]) => [day, rate, provider]));
    expect(h.backend.quotes.refreshLog(1)[0]).toMatchObject({
      symbol: 'EUR/USD',
      provider,
      outcome: 'ok',
      barsWritten: USD_RATES.length,
      message: `${USD_RATES.length} rates from 1999-01-04 to 2019-02-22`,
    });
    expect(h.events.some((e) => e.name === 'data:changed' && (e.payload as { scope: string }).scope === 'fx')).toBe(
      true,
    );
  });

  it('resumes a week before the last cached day (the imported ECB history) and takes the overlap', async () => {
    const h = await startHarness({ provider, series: fxSeries() });
    await euroPortfolio(h);
    await callOk(h.backend, 'fx:importFiles', {
      files: [{ fileName: 'eurofxref-hist.csv', content: ecbUntil('2019-01-31') }],
    });
    // A rate typed by hand after the import does not move where the refresh starts.
    await callOk(h.backend, 'fx:setManualRate', { base: 'EUR', quote: 'USD', day: '2019-02-15', rate: '1.13' });
    await refreshAll(h);
    expect(h.server.requests.map((r) => [r.symbol, r.from])).toEqual([['EURUSD=X', '2019-01-24']]);
    const fetched = USD_RATES.filter(([day]) => day >= '2019-01-24');
    expect(h.backend.quotes.refreshLog(1)[0]!.barsWritten).toBe(fetched.length);
    expect(h.backend.store.fxRates.pairs().filter((p) => p.quote === 'USD')).toEqual([
      expect.objectContaining({
        base: 'EUR',
        quote: 'USD',
        firstDay: '1999-01-04',
        lastDay: '2019-02-22',
        sources: `ecb,manual,${provider}`,
      }),
    ]);
  });
});

describe('which pairs a refresh fetches', () => {
  it('each foreign currency against the base, the market way round; none when symbols are named', async () => {
    const h = await startHarness({ series: fxSeries() });
    await euroPortfolio(h, 'JPY', 'USD');
    await refreshAll(h);
    expect(h.server.requests.map((r) => r.symbol).sort()).toEqual(['EURUSD=X', 'USDJPY=X']);
    expect(h.backend.store.fxRates.pairs().map((p) => `${p.base}/${p.quote}`)).toEqual(['EUR/USD', 'USD/JPY']);

    await callOk(h.backend, 'settings:set', { baseCurrency: 'EUR' });
    h.server.requests.length = 0;
    await refreshAll(h);
    // EUR/JPY is not served: it fails on its own and EUR/USD still refreshes.
    expect(h.server.requests.map((r) => r.symbol).sort()).toEqual(['EURJPY=X', 'EURUSD=X']);

    h.server.requests.length = 0;
    await h.backend.quotes.startRefresh({ symbols: ['SPY'] }).done;
    expect(h.server.requests.map((r) => r.symbol)).toEqual(['SPY']);
  });

  it('fetches nothing offline or with provider none', async () => {
    const h = await startHarness({ series: fxSeries() });
    await euroPortfolio(h);
    await callOk(h.backend, 'settings:set', { offline: true });
    expect((await refreshAll(h)).message).toMatch(/^Offline: Tiltfolio is in offline mode/);
    await callOk(h.backend, 'settings:set', { offline: false, quoteProvider: 'none' });
    const none = h.backend.quotes.startRefresh({});
    expect(none.started).toMatchObject({ state: 'failed', symbolsTotal: 1 });
    await none.done;
    expect(h.server.requests).toEqual([]);
    expect(h.backend.store.fxRates.all()).toEqual([]);
  });
});

// Each fault, for each provider: the pair's cached rates are exactly as before and the reason is logged.
const FAULTS: { provider: ProviderId; fault: Fault | FaultRule; message: RegExp }[] = [
  { provider: 'yahoo', fault: 'hang', message: /no answer from .* within 300 ms/ },
  { provider: 'yahoo', fault: 'unknown', message: /Yahoo has no data for EURUSD=X: Not Found/ },
  { provider: 'yahoo', fault: 'garbage', message: /not valid JSON/ },
  { provider: 'yahoo', fault: { fault: 'http429', retryAfterSeconds: 1 }, message: /HTTP 429 .*after 3 tries/ },
  { provider: 'yahoo', fault: 'truncated', message: /truncated/ },
  { provider: 'yahoo', fault: 'empty', message: /no bars for EUR\/USD/ },
  {
    provider: 'yahoo',
    fault: { fault: 'wrongSymbol', otherSymbol: 'USDJPY=X' },
    message: /answered for USDJPY=X when asked for EURUSD=X/,
  },
  { provider: 'stooq', fault: 'hang', message: /within 300 ms/ },
  { provider: 'stooq', fault: 'unknown', message: /Stooq has no data for EURUSD=X/ },
  { provider: 'stooq', fault: 'garbage', message: /not CSV: "<html>/ },
  { provider: 'stooq', fault: { fault: 'http429', retryAfterSeconds: 1 }, message: /HTTP 429/ },
  { provider: 'stooq', fault: 'malformed', message: /line 2, column Close: "abc" is not a number/ },
];

describe.each(FAULTS)('a $provider fault on a pair: $fault', ({ provider, fault, message }) => {
  it('leaves the cached rates as they were and logs why', async () => {
    const h = await startHarness({ provider, series: fxSeries(), http: { timeoutMs: 300 } });
    await euroPortfolio(h);
    await callOk(h.backend, 'fx:importFiles', {
      files: [{ fileName: 'eurofxref-hist.csv', content: ecbUntil('2019-01-31') }],
    });
    const before = h.backend.store.fxRates.all();
    h.server.setFault('EURUSD=X', fault);

    const summary = await refreshAll(h);

    expect(summary).toMatchObject({ state: 'failed', ok: 0, failed: 1, ratesWritten: 0 });
    expect(h.backend.store.fxRates.all()).toEqual(before);
    const entry = h.backend.quotes.refreshLog(1)[0]!;
    expect(entry).toMatchObject({ symbol: 'EUR/USD', provider, outcome: 'error', barsWritten: 0 });
    expect(entry.message).toMatch(message);
  });
});
