// `tiltfolio export realized` on buys and sales at real closes (../shared/data/quotes), with one
// account under HIFO and one under the app's FIFO. The expected figures are worked out here in
// integer millionths from the files' close texts, not read from the app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callOk, testBackend } from '../test-support/backend';
import { REAL_QUOTES } from '../test-support/real-data';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

const tempDir = useTempDirs();

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The close of `day` as written in the file. */
function closeText(symbol: string, day: string): string {
  const line = fs
    .readFileSync(path.join(REAL_QUOTES, `${symbol}.csv`), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${day},`));
  if (line === undefined) throw new Error(`${symbol} has no bar on ${day}`);
  return line.split(',')[4] as string;
}

// Money in integer millionths: the closes have six decimals.
const SCALE = 1_000_000n;
const micros = (text: string) => {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole as string) * SCALE + BigInt(fraction.padEnd(6, '0').slice(0, 6));
};
const decimal = (units: bigint) => {
  const sign = units < 0n ? '-' : '';
  const abs = units < 0n ? -units : units;
  const fraction = (abs % SCALE).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / SCALE}${fraction ? `.${fraction}` : ''}`;
};

describe('tiltfolio export realized', () => {
  it('writes each sale lot by lot for the year asked, at real closes, per account method', async () => {
    const dir = tempDir();
    const backend = testBackend(dir);
    await callOk(backend, 'accounts:create', { name: 'Taxable', currency: 'USD' });
    await callOk(backend, 'accounts:create', { name: 'IRA', currency: 'USD' });
    await callOk(backend, 'accounts:update', { name: 'Taxable', costMethod: 'hifo' });
    const trade = (
      account: string,
      date: string,
      type: 'buy' | 'sell',
      symbol: string,
      quantity: string,
      fee?: string,
    ) =>
      callOk(backend, 'transactions:create', {
        date,
        account,
        type,
        symbol,
        quantity,
        price: closeText(symbol, date),
        ...(fee === undefined ? {} : { fee }),
        currency: 'USD',
      });
    await trade('Taxable', '2015-01-02', 'buy', 'AAPL', '10', '1');
    await trade('Taxable', '2016-01-04', 'buy', 'AAPL', '10');
    await trade('Taxable', '2017-01-03', 'buy', 'AAPL', '10');
    await trade('Taxable', '2018-06-01', 'sell', 'AAPL', '20', '1');
    await trade('IRA', '2016-03-01', 'buy', 'SPY', '5');
    await trade('IRA', '2017-06-01', 'buy', 'SPY', '5');
    await trade('IRA', '2018-05-01', 'sell', 'SPY', '10');
    backend.close();

    // HIFO: the 2017 lot (dearest a share), then the 2015 one (its fee makes it dearer than 2016's).
    const aapl = (day: string) => micros(closeText('AAPL', day));
    const lot2015 = 10n * aapl('2015-01-02') + micros('1');
    const lot2016 = 10n * aapl('2016-01-04');
    const lot2017 = 10n * aapl('2017-01-03');
    expect(lot2015 / 10n > lot2016 / 10n && lot2017 / 10n > lot2015 / 10n).toBe(true);
    const proceeds = 20n * aapl('2018-06-01') - micros('1');
    const half = proceeds / 2n;
    expect(half * 2n).toBe(proceeds); // the shares split the proceeds evenly and exactly
    const header =
      'tax_year,account,symbol,currency,method,acquired,sold,quantity,proceeds,cost,gain,term,base_currency,proceeds_base,cost_base,gain_base';
    const aaplRows = [
      [
        '2018',
        'Taxable',
        'AAPL',
        'USD',
        'hifo',
        '2017-01-03',
        '2018-06-01',
        '10',
        decimal(half),
        decimal(lot2017),
        decimal(half - lot2017),
        'long',
        'USD',
        decimal(half),
        decimal(lot2017),
        decimal(half - lot2017),
      ],
      [
        '2018',
        'Taxable',
        'AAPL',
        'USD',
        'hifo',
        '2015-01-02',
        '2018-06-01',
        '10',
        decimal(half),
        decimal(lot2015),
        decimal(half - lot2015),
        'long',
        'USD',
        decimal(half),
        decimal(lot2015),
        decimal(half - lot2015),
      ],
    ].map((cells) => cells.join(','));

    const db = path.join(dir, 'tiltfolio.sqlite');
    const out = path.join(dir, 'realized-2018.csv');
    const written = await cli('--db', db, 'export', 'realized', '--year', '2018', '--out', out);
    expect(written).toMatchObject({ code: 0, out: '' });
    expect(written.err).toMatch(/Exported 4 rows/);

    // FIFO in the IRA: each 5-share lot gets half of 10 × the close; the 2017 lot is short term.
    const spy = (day: string) => micros(closeText('SPY', day));
    const spyHalf = 5n * spy('2018-05-01');
    const spyRows = [
      ['2016-03-01', 5n * spy('2016-03-01'), 'long'],
      ['2017-06-01', 5n * spy('2017-06-01'), 'short'],
    ].map(([acquired, cost, term]) => {
      const c = cost as bigint;
      const money = [decimal(spyHalf), decimal(c), decimal(spyHalf - c)];
      return ['2018', 'IRA', 'SPY', 'USD', 'fifo', acquired, '2018-05-01', '5', ...money, term, 'USD', ...money].join(
        ',',
      );
    });
    // Sales in the order booked: the IRA's (May) before the Taxable's (June).
    expect(fs.readFileSync(out, 'utf8')).toBe([header, ...spyRows, ...aaplRows].join('\r\n') + '\r\n');
    const stdout = await cli('--db', db, 'export', 'realized', '--year', '2018');
    expect(stdout.out).toBe(fs.readFileSync(out, 'utf8'));
    const none = await cli('--db', db, 'export', 'realized', '--year', '2017');
    expect(none.out).toBe(header + '\r\n');

    const bad = await cli('--db', db, 'export', 'realized', '--year', '18');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--year takes a four-digit year/);
  });
});
