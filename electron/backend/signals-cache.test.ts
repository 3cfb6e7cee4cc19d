// portfolio:signals keeps its answer until the data or the settings change: each change below
// alters what the answer must say about the demo's November 2016, so an answer kept too long fails.
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import { callOk, testBackend } from '../test-support/backend';
import { realBars } from '../test-support/real-quotes';
import { useTempDirs } from '../test-support/temp-dir';
import { seriesBars } from './signals-service';

const tempDir = useTempDirs();
type Answer = CallOutput<'portfolio:signals'>;
const NOVEMBER = { from: '2016-11-01', to: '2016-11-30' };

async function demo() {
  const backend = testBackend(tempDir());
  await callOk(backend, 'demo:load', {});
  const signals = () => callOk<Answer>(backend, 'portfolio:signals', NOVEMBER);
  const about = async (subject: string, kind?: string) =>
    (await signals()).signals.filter((s) => s.subject === subject && (kind === undefined || s.kind === kind));
  return { backend, signals, about };
}

describe('portfolio:signals, kept until something it reads changes', () => {
  it('answers from the kept answer while nothing changed', async () => {
    const { backend, signals } = await demo();
    const handler = backend.handlers['portfolio:signals'];
    expect((await signals()).signals.length).toBeGreaterThan(0);
    expect(await handler(NOVEMBER)).toBe(await handler(NOVEMBER));
    backend.close();
  });

  it('sees a quote write', async () => {
    const { backend, about } = await demo();
    expect((await about('RUT', 'overheated')).map((s) => s.date)).not.toContain('2016-11-15');
    // A typed close at three times the real one: far above its 50- and 200-day averages.
    const close = realBars('RUT').find((bar) => bar.day === '2016-11-15')!.close * 3;
    await callOk(backend, 'quotes:setManualPrice', { symbol: 'RUT', day: '2016-11-15', close });
    expect((await about('RUT', 'overheated')).map((s) => s.date)).toContain('2016-11-15');
    backend.close();
  });

  it('sees a transaction write', async () => {
    const { backend, about } = await demo();
    expect((await about('RUT')).length).toBeGreaterThan(0);
    // Sold in full before November: no longer a holding of the window, so no signal about it.
    const holdings = await callOk<CallOutput<'portfolio:holdings'>>(backend, 'portfolio:holdings', {
      asOf: '2016-10-31',
    });
    for (const row of holdings.rows.filter((r) => r.symbol === 'RUT'))
      await callOk(backend, 'transactions:create', {
        account: row.account,
        currency: row.currency,
        date: '2016-10-31',
        type: 'sell',
        symbol: 'RUT',
        quantity: row.quantity,
        price: String(row.price),
      });
    expect(await about('RUT')).toEqual([]);
    backend.close();
  });

  it('sees a settings change', async () => {
    const { backend, signals } = await demo();
    const overheated = async () => (await signals()).signals.filter((s) => s.kind === 'overheated').length;
    const before = await overheated();
    await callOk(backend, 'settings:set', { overheatPct: 1 });
    expect(await overheated()).toBeGreaterThan(before);
    backend.close();
  });
});

describe('seriesBars: a snapshot series as the quote cache reads it', () => {
  it('equals quotes.closes on the demo, with a typed price beside a file close, to any end', async () => {
    const { backend } = await demo();
    const { quotes } = backend.store;
    // A day two sources cover: both reads must pick the typed one.
    await callOk(backend, 'quotes:setManualPrice', { symbol: 'XLK', day: '2016-11-15', close: 1 });
    for (const symbol of ['RUT', 'XLK', 'AAPL', 'SPY']) {
      const series = quotes.closeSeries(symbol);
      const all = quotes.closes(symbol);
      expect(all.length).toBeGreaterThan(1000);
      expect(seriesBars(series)).toEqual(all);
      for (const end of ['2016-11-15', '2016-11-19', all[0]!.day, '2000-01-01', '2099-01-01'])
        expect(seriesBars(series, end)).toEqual(quotes.closes(symbol, '0000-01-01', end));
    }
    expect(seriesBars(quotes.closeSeries('XLK'), '2016-11-15').at(-1)).toEqual({ day: '2016-11-15', close: 1 });
    backend.close();
  });
});
