// `tiltfolio fx import|list` on the ECB's real reference-rate history. Every figure checked here is
// counted from the file with a plain split, not by the app's parser.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../db/test-support/scratch';
import { openStore } from '../db/store';
import { runCli } from './program';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const ECB = path.join(DATA, 'fx', 'eurofxref-hist.csv');
const BASF = path.join(DATA, 'quotes-xetra', 'BAS.DE.csv');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface Column {
  days: number;
  first: string;
  last: string;
}

/** The ECB file by hand: per currency, the days with a rate (a cell other than N/A). */
function countEcb(text: string): { columns: Map<string, Column>; cells: number; rows: string[][]; header: string[] } {
  const [head, ...lines] = text.trim().split('\n');
  const header = head!.trim().split(',');
  const rows = lines.map((line) => line.trim().split(','));
  const columns = new Map<string, Column>();
  let cells = 0;
  header.forEach((code, i) => {
    if (i === 0 || code === '') return;
    const days = rows.filter((row) => row[i] !== 'N/A').map((row) => row[0]!);
    cells += days.length;
    if (days.length > 0) columns.set(code, { days: days.length, first: days.at(-1)!, last: days[0]! });
  });
  return { columns, cells, rows, header };
}

const rowCount = (db: string) => {
  const store = openStore(db);
  try {
    return (store.db.prepare('SELECT count(*) AS n FROM fx_rates').get() as { n: number }).n;
  } finally {
    store.close();
  }
};

describe('tiltfolio fx on the ECB file', () => {
  it('imports every published rate per 1 EUR, N/A skipped, and lists the pairs as counted by hand', async () => {
    const db = path.join(scratchDir(), 'fx.sqlite');
    const text = fs.readFileSync(ECB, 'utf8');
    const { columns, cells, rows, header } = countEcb(text);
    const na = rows.flat().filter((cell) => cell === 'N/A').length;

    const imported = await cli('--db', db, 'fx', 'import', ECB);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain(`${ECB}: ECB reference rates, ${cells} rates (${na} N/A cells skipped)\n`);
    expect(imported.out).toContain(`${cells} rates for ${columns.size} pairs: EUR/AUD, EUR/BGN,`);

    const listed = JSON.parse((await cli('--db', db, 'fx', 'list', '--json')).out) as {
      base: string;
      quote: string;
      firstDay: string;
      lastDay: string;
      days: number;
      sources: string;
    }[];
    expect(listed).toHaveLength(columns.size);
    for (const pair of listed) {
      const counted = columns.get(pair.quote)!;
      expect(pair).toEqual({
        base: 'EUR',
        quote: pair.quote,
        firstDay: counted.first,
        lastDay: counted.last,
        days: counted.days,
        sources: 'ecb',
      });
    }
    expect(listed.find((p) => p.quote === 'USD')).toMatchObject({ firstDay: '1999-01-04', lastDay: '2026-04-13' });
    expect(rowCount(db)).toBe(cells);

    // One known day, read from the file by hand: each rate stored as the text the ECB wrote.
    const day = rows.find((row) => row[0] === '2016-11-14')!;
    const store = openStore(db);
    const stored = new Map(
      (
        store.db.prepare(`SELECT quote, rate FROM fx_rates WHERE day = '2016-11-14'`).all() as {
          quote: string;
          rate: string;
        }[]
      ).map((r) => [r.quote, r.rate]),
    );
    store.close();
    const expected = new Map(header.flatMap((code, i) => (i > 0 && code && day[i] !== 'N/A' ? [[code, day[i]!]] : [])));
    expect(stored).toEqual(expected);
    expect(stored.get('USD')).toBe('1.0777');
    // Retired currencies had N/A that day and have no rate.
    expect(stored.has('CYP')).toBe(false);

    // The table: one aligned row per pair.
    const table = (await cli('--db', db, 'fx', 'list')).out.trimEnd().split('\n');
    expect(table[0]).toMatch(/^PAIR\s+FIRST\s+LAST\s+DAYS\s+SOURCES$/);
    expect(table.find((line) => line.startsWith('EUR/USD'))).toMatch(
      new RegExp(`^EUR/USD\\s+1999-01-04\\s+2026-04-13\\s+${columns.get('USD')!.days}\\s+ecb$`),
    );
  });

  it('imports the same file twice to the same cache', async () => {
    const db = path.join(scratchDir(), 'fx.sqlite');
    expect((await cli('--db', db, 'fx', 'import', ECB)).code).toBe(0);
    const once = (await cli('--db', db, 'fx', 'list', '--json')).out;
    const rows = rowCount(db);
    expect((await cli('--db', db, 'fx', 'import', ECB)).code).toBe(0);
    expect((await cli('--db', db, 'fx', 'list', '--json')).out).toBe(once);
    expect(rowCount(db)).toBe(rows);
  });

  it('refuses a broken file whole, with the files beside it, naming file, line and column', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'fx.sqlite');
    const lines = fs.readFileSync(ECB, 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const gbp = header.indexOf('GBP');
    const cells = lines[2999]!.split(',');
    cells[gbp] = '0,86x';
    lines[2999] = cells.join(',').replace('0,86x', '0.86x');
    const broken = path.join(dir, 'eurofxref-hist.csv');
    fs.writeFileSync(broken, lines.join('\n'));
    const good = path.join(dir, 'EURUSD=X.csv');
    fs.copyFileSync(BASF, good);

    const result = await cli('--db', db, 'fx', 'import', good, broken);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `tiltfolio: ${broken} line 3000, column GBP: "0.86x" is not a rate above zero. Nothing was imported from any file.\n`,
    );
    expect(rowCount(db)).toBe(0);
    expect((await cli('--db', db, 'fx', 'list')).out).toMatch(/^No exchange rates cached yet/);
  });

  it('imports a Yahoo-format file named for its pair from its Close column, null rows skipped', async () => {
    const dir = scratchDir();
    const db = path.join(dir, 'fx.sqlite');
    // A real Yahoo-format file with its literal null rows (BASF's prices stand in for a pair's rates).
    const file = path.join(dir, 'EURUSD=X.csv');
    fs.copyFileSync(BASF, file);
    const body = fs.readFileSync(BASF, 'utf8').trim().split('\n').slice(1);
    const closes = body.map((line) => line.split(',')).filter((cells) => cells[4] !== 'null');

    const result = await cli('--db', db, 'fx', 'import', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe(
      `${file}: Yahoo pair, ${closes.length} rates (${body.length - closes.length} null rows skipped)\n${closes.length} rates for 1 pair: EUR/USD\n`,
    );
    const store = openStore(db);
    const last = closes.at(-1)!;
    expect(store.db.prepare(`SELECT rate, source FROM fx_rates WHERE day = ?`).get(last[0])).toEqual({
      rate: last[4],
      source: 'file',
    });
    store.close();
  });

  it('refuses a file that is neither, saying what it expected', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'BAS.DE.csv');
    fs.copyFileSync(BASF, file);
    const result = await cli('--db', path.join(dir, 'fx.sqlite'), 'fx', 'import', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file} is not an exchange-rate file Tiltfolio knows`);
    expect(result.err).toContain('EURUSD=X.csv');
  });
});

describe('tiltfolio settings', () => {
  it('sets and gets the base currency', async () => {
    const db = path.join(scratchDir(), 's.sqlite');
    expect((await cli('--db', db, 'settings', 'get', 'base-currency')).out).toBe('base-currency  USD\n');
    expect(await cli('--db', db, 'settings', 'set', 'base-currency', 'eur')).toMatchObject({
      code: 0,
      out: 'base-currency  EUR\n',
    });
    const all = (await cli('--db', db, 'settings', 'get')).out;
    expect(all).toMatch(/^base-currency\s+EUR$/m);
    expect(all).toMatch(/^offline\s+false$/m);
    expect(JSON.parse((await cli('--db', db, 'settings', 'get', '--json')).out)).toMatchObject({ baseCurrency: 'EUR' });
  });

  it('refuses a bad value or key and keeps the setting', async () => {
    const db = path.join(scratchDir(), 's.sqlite');
    const bad = await cli('--db', db, 'settings', 'set', 'base-currency', 'EURO');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^tiltfolio: base-currency: .*three-letter currency code/);
    const key = await cli('--db', db, 'settings', 'set', 'base-ccy', 'EUR');
    expect(key.code).toBe(2);
    expect(key.err).toContain('settable: ');
    expect(key.err).toContain('base-currency');
    expect((await cli('--db', db, 'settings', 'get', 'base-currency')).out).toBe('base-currency  USD\n');
  });
});
