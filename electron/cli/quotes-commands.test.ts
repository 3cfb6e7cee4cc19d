import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../db/test-support/scratch';
import {
  defaultFixturesDir,
  startFakeQuoteServer,
  type FakeQuoteServer,
} from '../quotes/test-support/fake-quote-server';
import { runCli } from './program';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const servers: FakeQuoteServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

function fixtureCopy(dir: string, name: string, as = name): string {
  const file = path.join(dir, as);
  fs.copyFileSync(path.join(defaultFixturesDir(), name), file);
  return file;
}

describe('tiltfolio quotes', () => {
  it('imports files, naming the symbol after each file, and lists them', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'cli.sqlite');
    const spy = fixtureCopy(dir, 'SPY.csv', 'spy.csv');
    const xlf = fixtureCopy(dir, 'XLF.csv');

    const imported = await cli('--db', db, 'quotes', 'import', spy, xlf);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toBe(`${spy}: 162 bars for SPY\n${xlf}: 65 bars for XLF\n`);

    const listed = await cli('--db', db, 'quotes', 'list');
    const [header, ...rows] = listed.out.trimEnd().split('\n');
    expect(header).toMatch(/^SYMBOL\s+FIRST\s+LAST\s+BARS\s+SOURCE\s+FETCHED$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^SPY\s+2018-07-02\s+2019-02-22\s+162\s+file\s+\d{4}-\d\d-\d\dT/);
    expect(rows[1]).toMatch(/^XLF\s+2016-08-01\s+2016-10-31\s+65\s+file\s/);
    // Aligned: every row's LAST column starts where the header's does.
    const at = header!.indexOf('LAST');
    expect(rows.every((row) => /\d{4}/.test(row.slice(at, at + 4)))).toBe(true);

    const json = JSON.parse((await cli('--db', db, 'quotes', 'list', '--json')).out);
    expect(json[0]).toMatchObject({
      symbol: 'SPY',
      firstDay: '2018-07-02',
      lastDay: '2019-02-22',
      bars: 162,
      source: 'file',
    });
  });

  it('imports under --symbol', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'cli.sqlite');
    const file = fixtureCopy(dir, 'RUT.csv', 'russell.csv');
    expect((await cli('--db', db, 'quotes', 'import', file, '--symbol', '^rut')).out).toBe(
      `${file}: 99 bars for ^RUT\n`,
    );
  });

  it('rejects a bad row naming file, line and column, and writes nothing from that file', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'cli.sqlite');
    const bad = path.join(dir, 'SPY.csv');
    const lines = fs.readFileSync(path.join(defaultFixturesDir(), 'SPY.csv'), 'utf8').split('\n');
    lines[11] = lines[11]!.replace(/^([^,]+,[^,]+,[^,]+,[^,]+,)[^,]+/, '$1abc');
    fs.writeFileSync(bad, lines.join('\n'));
    const good = fixtureCopy(dir, 'AAPL.csv');

    const result = await cli('--db', db, 'quotes', 'import', bad, good);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`tiltfolio: ${bad} line 12, column Close: "abc" is not a number\n`);
    expect(result.out).toBe(`${good}: 99 bars for AAPL\n`);
    const listed = JSON.parse((await cli('--db', db, 'quotes', 'list', '--json')).out);
    expect(listed.map((s: { symbol: string }) => s.symbol)).toEqual(['AAPL']);
  });

  it('refuses a file name that is no symbol, and --symbol with several files', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'cli.sqlite');
    const odd = fixtureCopy(dir, 'SPY.csv', 'my prices.csv');
    const result = await cli('--db', db, 'quotes', 'import', odd);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Cannot tell the symbol from the file name/);
    const both = await cli('--db', db, 'quotes', 'import', odd, odd, '--symbol', 'SPY');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--symbol names the prices of one file/);
  });

  it('imports its own export of several symbols into an empty database, which exports the same bytes', async () => {
    const dir = scratchDir();
    const data = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
    const jpm = path.join(data, 'quotes', 'JPM.csv');
    const dax = path.join(data, 'quotes-xetra', '^GDAXI.csv');
    const first = path.join(dir, 'first.sqlite');
    expect((await cli('--db', first, 'quotes', 'import', jpm, dax)).code).toBe(0);
    const exported = path.join(dir, 'quotes.csv');
    expect((await cli('--db', first, 'export', 'quotes', '--out', exported)).code).toBe(0);

    // Counted from the files: rows whose close (the fifth field) is not Yahoo's `null`.
    const priced = (file: string) =>
      fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .filter((row) => row.split(',')[4] !== 'null').length;
    const second = path.join(dir, 'second.sqlite');
    const imported = await cli('--db', second, 'quotes', 'import', exported);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toBe(
      `${exported}: ${priced(jpm) + priced(dax)} bars for JPM (${priced(jpm)}), ^GDAXI (${priced(dax)})\n`,
    );
    const again = path.join(dir, 'again.csv');
    expect((await cli('--db', second, 'export', 'quotes', '--out', again)).code).toBe(0);
    expect(fs.readFileSync(again).equals(fs.readFileSync(exported))).toBe(true);
    // JPM.csv's last row, as the file has it: the adjusted close is the sixth field.
    const lastJpm = fs.readFileSync(jpm, 'utf8').trim().split('\n').at(-1)!.split(',');
    const row = fs
      .readFileSync(again, 'utf8')
      .split('\r\n')
      .find((line) => line.startsWith(`JPM,${lastJpm[0]},file,`))!
      .split(',');
    expect(Number(row[7])).toBe(Number(lastJpm[5]));

    const withSymbol = await cli('--db', second, 'quotes', 'import', exported, '--symbol', 'SPY');
    expect(withSymbol.code).toBe(1);
    expect(withSymbol.err).toBe(
      `tiltfolio: ${exported} names its symbols in its symbol column; import it without a symbol.\n`,
    );
  });

  it('refuses a refresh on another split scale than the cached file, and takes it with --rescale-older', async () => {
    const server = await startFakeQuoteServer();
    servers.push(server);
    const dir = scratchDir();
    const db = path.join(dir, 'cli.sqlite');
    // SPY's first 100 days as a download made before a 4:1 split the provider already applies.
    const lines = fs.readFileSync(path.join(defaultFixturesDir(), 'SPY.csv'), 'utf8').trim().split('\n');
    const times4 = lines.slice(1, 101).map((line) => {
      const [day, ...cells] = line.split(',');
      return [day, ...cells.slice(0, 5).map((cell) => String(Number(cell) * 4)), cells[5]].join(',');
    });
    const file = path.join(dir, 'SPY.csv');
    fs.writeFileSync(file, [lines[0], ...times4].join('\n') + '\n');
    expect((await cli('--db', db, 'quotes', 'import', file)).code).toBe(0);
    const refresh = (...extra: string[]) =>
      cli('--db', db, 'quotes', 'refresh', 'SPY', '--provider', 'yahoo', '--base-url', server.baseUrl, ...extra);

    const refused = await refresh();
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/^SPY\s+failed\s+SPY on \d{4}-\d\d-\d\d: the cache holds .* a 4:1 ratio/m);
    expect(refused.out).toContain('tiltfolio quotes refresh --rescale-older SPY');

    const taken = await refresh('--rescale-older');
    expect(taken.code).toBe(0);
    expect(taken.out).toMatch(/^SPY\s+ok\s+.*; rescaled \d+ older cached bars by 4:1$/m);
  });

  it('refreshes from a provider given on the command line, and lists the result', async () => {
    const server = await startFakeQuoteServer();
    servers.push(server);
    const db = path.join(scratchDir(), 'cli.sqlite');
    const result = await cli(
      '--db',
      db,
      'quotes',
      'refresh',
      'spy',
      'aapl',
      '--provider',
      'stooq',
      '--base-url',
      server.baseUrl,
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^SPY\s+ok\s+162 bars from 2018-07-02 to 2019-02-22$/m);
    expect(result.out).toMatch(/^AAPL\s+ok\s+99 bars/m);
    expect(result.out).toMatch(/2 of 2 symbols updated, 261 bars written\.\n$/);
    const listed = JSON.parse((await cli('--db', db, 'quotes', 'list', '--json')).out);
    expect(listed.map((s: { symbol: string; source: string }) => [s.symbol, s.source])).toEqual([
      ['AAPL', 'stooq'],
      ['SPY', 'stooq'],
    ]);
  });

  it('exits 1 and says why when a symbol fails', async () => {
    const server = await startFakeQuoteServer();
    servers.push(server);
    const db = path.join(scratchDir(), 'cli.sqlite');
    const result = await cli(
      '--db',
      db,
      'quotes',
      'refresh',
      'NOSUCH',
      '--provider',
      'yahoo',
      '--base-url',
      server.baseUrl,
    );
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^NOSUCH\s+failed\s+Yahoo has no data for NOSUCH: Not Found/m);
  });

  it('refuses a malformed symbol before touching anything', async () => {
    const db = path.join(scratchDir(), 'cli.sqlite');
    const result = await cli('--db', db, 'quotes', 'refresh', 'BAD SYMBOL');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Use a ticker such as SPY/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('says so when the cache is empty', async () => {
    const db = path.join(scratchDir(), 'cli.sqlite');
    expect((await cli('--db', db, 'quotes', 'list')).out).toMatch(/No quotes cached yet/);
  });

  it('refuses a file with an impossible bar by line, and deletes a range or all of a symbol', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'cli.sqlite');
    const bad = path.join(dir, 'BAD.csv');
    fs.writeFileSync(
      bad,
      'Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-02,1,2,1,1.5,1.5,9\n2206-01-02,1,2,1,1.5,1.5,9\n',
    );
    const refused = await cli('--db', db, 'quotes', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^tiltfolio: .*BAD\.csv line 3, column Date: 2206-01-02 is after today \(\d{4}-\d\d-\d\d\)\n$/,
    );

    const spy = fixtureCopy(dir, 'SPY.csv');
    expect((await cli('--db', db, 'quotes', 'import', spy)).code).toBe(0);
    // Counted from the fixture file itself: its data rows in 2019.
    const rows = fs.readFileSync(spy, 'utf8').trim().split('\n').slice(1);
    const in2019 = rows.filter((row) => row.startsWith('2019-'));
    const deleted = await cli('--db', db, 'quotes', 'delete', 'spy', '--from', '2019-01-01');
    expect(deleted).toEqual({
      code: 0,
      out: `Deleted ${in2019.length} bars of SPY from ${in2019[0]!.slice(0, 10)} to ${in2019.at(-1)!.slice(0, 10)}.\n`,
      err: '',
    });
    const listed = JSON.parse((await cli('--db', db, 'quotes', 'list', '--json')).out) as {
      lastDay: string;
      bars: number;
    }[];
    expect(listed[0]).toMatchObject({ lastDay: '2018-12-31', bars: rows.length - in2019.length });

    expect(
      await cli('--db', db, 'quotes', 'delete', 'SPY', '--from', '2018-12-01', '--to', '2018-11-01'),
    ).toMatchObject({
      code: 2,
      err: 'tiltfolio: from: from must not be after to.\n',
    });
    expect(await cli('--db', db, 'quotes', 'delete', 'SPY', '--to', '2018-02-30')).toMatchObject({
      code: 2,
      err: 'tiltfolio: to: That date does not exist.\n',
    });
    const all = await cli('--db', db, 'quotes', 'delete', 'SPY');
    expect(all.out).toBe(`Deleted ${rows.length - in2019.length} bars of SPY from 2018-07-02 to 2018-12-31.\n`);
    expect((await cli('--db', db, 'quotes', 'delete', 'SPY')).out).toBe('No bars of SPY to delete.\n');
    expect(JSON.parse((await cli('--db', db, 'quotes', 'list', '--json')).out)).toEqual([]);
  });
});
