// `tiltfolio health --json` on the demo (nothing listed) and on a database with each problem
// planted in real prices (../shared/data/quotes); the expected figures are worked out here from
// the files, not read from the app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { REAL_QUOTES } from '../test-support/real-data';
import { runCli } from './program';

const tempDir = useTempDirs();

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

type Report = CallOutput<'health:check'>;

function csvLines(symbol: string): string[] {
  return fs
    .readFileSync(path.join(REAL_QUOTES, `${symbol}.csv`), 'utf8')
    .trim()
    .split('\n');
}
const row = (symbol: string, day: string) => {
  const cells = csvLines(symbol)
    .find((line) => line.startsWith(`${day},`))!
    .split(',');
  return { open: Number(cells[1]), high: Number(cells[2]), low: Number(cells[3]), close: Number(cells[4]) };
};
const calendarDays = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('tiltfolio health', () => {
  it('lists nothing on the demo portfolio', async () => {
    const dir = tempDir();
    const backend = testBackend(dir);
    await callOk(backend, 'demo:load', {});
    backend.close();
    const db = path.join(dir, 'tiltfolio.sqlite');
    const json = await cli('--db', db, 'health', '--json');
    expect(json).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(json.out)).toMatchObject({ summary: [], problems: [] });
    expect((await cli('--db', db, 'health')).out).toBe('No data problems found.\n');
  });

  it('lists each planted problem once, with what it affects and how to fix it', async () => {
    const dir = tempDir();
    const backend = testBackend(dir);
    const db = path.join(dir, 'tiltfolio.sqlite');
    const importLines = async (symbol: string, lines: string[]) =>
      callOk(backend, 'quotes:importFile', { fileName: `${symbol}.csv`, content: lines.join('\n') + '\n' });
    // Prices: NFLX whole; SPY (the benchmark) ends 2019-02-22; XLF ends 2018-01-31; INTC without March 2021.
    for (const symbol of ['NFLX', 'SPY', 'XLF']) await importLines(symbol, csvLines(symbol));
    await importLines(
      'INTC',
      csvLines('INTC').filter((line) => !line.startsWith('2021-03-')),
    );
    // AMZN as an older version of the app let it in: a pre-split download, then a later one.
    const amzn = csvLines('AMZN')
      .slice(1)
      .map((line) => line.split(','));
    const bar = (cells: string[], times: number) => ({
      day: cells[0]!,
      open: Number(cells[1]) * times,
      high: Number(cells[2]) * times,
      low: Number(cells[3]) * times,
      close: Number(cells[4]) * times,
      adjClose: Number(cells[5]) * times,
      volume: Number(cells[6]),
    });
    backend.store.quotes.upsertBars(
      'AMZN',
      'file',
      '2022-05-31T20:00:00.000Z',
      amzn.filter((c) => c[0]! <= '2022-05-31').map((c) => bar(c, 20)),
    );
    backend.store.quotes.upsertBars(
      'AMZN',
      'yahoo',
      '2022-12-30T20:00:00.000Z',
      amzn.filter((c) => c[0]! > '2022-05-31').map((c) => bar(c, 1)),
    );

    await callOk(backend, 'accounts:create', { name: 'Brokerage', currency: 'USD' });
    const tx = (fields: Record<string, string>) =>
      callOk(backend, 'transactions:create', { account: 'Brokerage', currency: 'USD', ...fields });
    await tx({ date: '2015-01-02', type: 'deposit', amount: '1000000' });
    const nflxLow = row('NFLX', '2022-03-01').low;
    // A buy at a twentieth of the day's low, as if typed from a chart on another scale.
    const farPrice = (nflxLow / 20).toFixed(2);
    await tx({ date: '2022-03-01', type: 'buy', symbol: 'NFLX', quantity: '10', price: farPrice });
    await tx({
      date: '2016-03-01',
      type: 'buy',
      symbol: 'XLF',
      quantity: '10',
      price: row('XLF', '2016-03-01').close.toFixed(2),
    });
    await tx({
      date: '2020-03-02',
      type: 'buy',
      symbol: 'INTC',
      quantity: '10',
      price: row('INTC', '2020-03-02').close.toFixed(2),
    });
    await tx({
      date: '2021-01-04',
      type: 'buy',
      symbol: 'AMZN',
      quantity: '1',
      price: (row('AMZN', '2021-01-04').close * 20).toFixed(2),
    });
    await tx({ date: '2021-01-04', type: 'buy', symbol: 'ZZZ', quantity: '5', price: '10' });
    backend.close();

    const json = await cli('--db', db, 'health', '--json');
    expect(json).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(json.out) as Report;
    const of = (kind: string) => report.problems.filter((p) => p.kind === kind);

    expect(of('no_prices')).toEqual([expect.objectContaining({ symbol: 'ZZZ', accounts: ['Brokerage'], day: null })]);

    expect(of('scale_jump')).toEqual([
      expect.objectContaining({ symbol: 'AMZN', accounts: ['Brokerage'], day: '2022-06-01' }),
    ]);
    expect(of('scale_jump')[0]!.detail).toContain('a 20:1 ratio');

    const off = nflxLow / Number(farPrice);
    expect(of('trade_price')).toEqual([
      expect.objectContaining({ symbol: 'NFLX', accounts: ['Brokerage'], day: '2022-03-01' }),
    ]);
    expect(of('trade_price')[0]!.detail).toContain(
      `${off.toLocaleString('en-US', { maximumFractionDigits: 4 })}× below`,
    );
    expect(of('trade_price')[0]!.detail).toContain('a 20:1 ratio');

    // The portfolio is valued to the newest held close: 2022-12-29.
    expect(of('series_ends_early')).toEqual([
      expect.objectContaining({
        symbol: 'SPY',
        accounts: [],
        day: '2019-02-22',
        detail: 'The benchmark SPY ends on 2019-02-22; the portfolio is valued to 2022-12-29.',
      }),
    ]);

    expect(of('stale_prices')).toEqual([
      expect.objectContaining({
        symbol: 'XLF',
        day: '2018-01-31',
        detail: `XLF's last price is from 2018-01-31, ${calendarDays('2018-01-31', '2022-12-29')} days before the portfolio's newest price (2022-12-29).`,
      }),
    ]);

    // March 2021 had no US market holiday: 23 weekdays, all missing.
    expect(of('price_gap')).toEqual([
      expect.objectContaining({
        symbol: 'INTC',
        day: '2021-03-01',
        detail:
          "INTC's prices have a gap of more than 5 trading days; the longest has no price from 2021-03-01 to 2021-03-31 (23 weekdays).",
      }),
    ]);

    expect(report.summary.map((s) => s.text)).toEqual([
      '1 holding has no prices',
      '1 symbol mixes two split scales',
      "1 trade is priced far from its day's range",
      '1 comparison series ends before the portfolio',
      '1 holding has stale prices',
      '1 price series has gaps',
    ]);
    for (const p of report.problems) {
      expect(p.affects.length).toBeGreaterThan(20);
      expect(p.fix.length).toBeGreaterThan(20);
    }
    const text = (await cli('--db', db, 'health')).out;
    expect(text).toContain(
      '1 holding has no prices:\n  ZZZ [Brokerage]: ZZZ is held but has no prices in the cache.\n    affects: ',
    );
  });
});
