import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The files written here are in the format before fx_rate (which still imports); exports end with it. */
const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note';
const EXPORT_HEADER = `${HEADER},fx_rate`;
const DETECTED = (file: string, preset: string) =>
  `${file}: preset ${preset}, detected from its header (--preset NAME chooses another).\n`;
const FIXTURES = path.resolve(import.meta.dirname, '..', 'csv', 'test-fixtures');

/** Data rows of a fixture, counted from its text: every non-blank line after the header. */
function dataRows(file: string): number {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '').length;
}

describe('tiltfolio tx import / export', () => {
  const tempDir = useTempDirs();

  function files() {
    const dir = tempDir();
    const db = path.join(dir, 'db.sqlite');
    const good = path.join(dir, 'good.csv');
    fs.writeFileSync(
      good,
      `${HEADER}\n2016-01-04,Brokerage,deposit,,,,,1000,USD,"hello, world"\n2016-01-05,Brokerage,buy,AAPL,5,100,1,,USD,\n`,
    );
    return { dir, db, good };
  }

  it('imports a file, then skips it as duplicates, and exports it to stdout', async () => {
    const { db, good } = files();
    const first = await run(['--db', db, 'tx', 'import', good]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toBe(
      `${DETECTED('good.csv', 'tiltfolio')}Imported 2 of 2 rows from good.csv (0 duplicates skipped; new accounts: Brokerage).\n`,
    );
    const again = await run(['--db', db, 'tx', 'import', good, '--preset', 'tiltfolio']);
    expect(again.out).toBe('Imported 0 of 2 rows from good.csv (2 duplicates skipped).\n');
    const exported = await run(['--db', db, 'export', 'transactions']);
    expect(exported.code).toBe(0);
    expect(exported.out).toBe(
      `${EXPORT_HEADER}\r\n2016-01-04,Brokerage,deposit,,,,,1000,USD,"hello, world",\r\n2016-01-05,Brokerage,buy,AAPL,5,100,1,,USD,,\r\n`,
    );
  });

  it('shows a dry run and writes nothing', async () => {
    const { db, good } = files();
    const dry = await run(['--db', db, 'tx', 'import', good, '--dry-run', '--account', 'IRA']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('would add 2 of 2 rows (0 duplicates skipped; new accounts: IRA). Nothing was written.');
    expect(dry.out).toContain('  "2016-01-05","IRA","buy","AAPL","5","100","1","","USD","",""\n');
    const info = await run(['--db', db, 'info', '--json']);
    expect(JSON.parse(info.out).counts).toMatchObject({ accounts: 0, transactions: 0 });
  });

  it('says in the dry run which rows have no broker rate for their account currency', async () => {
    const { dir, db } = files();
    const fx = path.join(dir, 'fx.csv');
    fs.writeFileSync(
      fx,
      `${EXPORT_HEADER}\n2016-11-01,Depot,deposit,,,,,5000,EUR,,\n2016-11-14,Depot,buy,JPM,10,78.47,1,,USD,,\n2016-11-15,Depot,buy,JPM,1,79,,,USD,,0.93\n`,
    );
    const dry = await run(['--db', db, 'tx', 'import', fx, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(
      "\n1 row trades in USD in a EUR account without a broker rate: the day's cached rate will be used.\n",
    );
    expect(dry.out).toContain('  "2016-11-15","Depot","buy","JPM","1","79","","","USD","","0.93"\n');
  });

  it('exits non-zero with every problem on stderr', async () => {
    const { dir, db } = files();
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, `${HEADER}\n2016-13-01,B,deposit,,,,,1,USD,\n2016-01-01,B,deposit,,,,,abc,USD,\n`);
    const result = await run(['--db', db, 'tx', 'import', bad]);
    expect(result.code).toBe(1);
    expect(result.out).toBe(DETECTED('bad.csv', 'tiltfolio'));
    expect(result.err).toBe(
      [
        'bad.csv: nothing was imported; 2 problems:',
        '  bad.csv line 2, column date: "2016-13-01" is not a calendar date (read as 2016-13-01)',
        '  bad.csv line 3, column amount: "abc" is not a number (expected 1234.56)',
        '',
      ].join('\n'),
    );
  });

  it('reads other apps through --preset and reports an unknown preset or a missing file', async () => {
    const { dir, db } = files();
    const ghost = path.join(dir, 'ghost.csv');
    fs.writeFileSync(
      ghost,
      'Date,Code,DataSource,Currency,Price,Quantity,Action,Fee,Note\n16-09-2021,MSFT,YAHOO,USD,298.58,5,buy,19,\n',
    );
    expect(await run(['--db', db, 'tx', 'import', ghost, '--preset', 'ghostfolio', '--account', 'G'])).toMatchObject({
      code: 0,
    });
    const unknown = await run(['--db', db, 'tx', 'import', ghost, '--preset', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no preset named "nope"/);
    const missing = await run(['--db', db, 'tx', 'import', path.join(dir, 'missing.csv')]);
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('There is no file') });
  });

  it.each([
    ['portfolio-performance/account-0.86-fr.csv', 'portfolio-performance-fr'],
    ['portfolio-performance/account-0.86-es.csv', 'portfolio-performance-es'],
    ['portfolio-performance/account-0.86-it.csv', 'portfolio-performance-it'],
    ['portfolio-performance/account-0.86-nl.csv', 'portfolio-performance-nl'],
    ['portfolio-performance/account-0.86-en.csv', 'portfolio-performance'],
    ['portfolio-performance/securities-account-0.86-de-transfer-in.csv', 'portfolio-performance-de'],
    ['portfolio-performance-de.csv', 'portfolio-performance-de'],
    ['ghostfolio.csv', 'ghostfolio'],
    ['wealthfolio.csv', 'wealthfolio'],
  ])('tells the layout of %s from its header without --preset: %s', async (fixture, preset) => {
    const { db } = files();
    const file = path.join(FIXTURES, fixture);
    const name = path.basename(file);
    const result = await run(['--db', db, 'tx', 'import', file, '--account', 'Depot']);
    expect(result).toMatchObject({ code: 0, err: '' });
    const rows = dataRows(file);
    expect(result.out).toMatch(
      // One noun per count: a file of one row says "1 of 1 row".
      new RegExp(
        `^${DETECTED(name, preset).replace(/[.()]/g, '\\$&')}Imported ${rows} of ${rows} ${rows === 1 ? 'row' : 'rows'} from ${name} `,
      ),
    );
  });

  it('names the file and the columns it looked for when no preset fits', async () => {
    const { dir, db } = files();
    const odd = path.join(dir, 'broker.csv');
    fs.writeFileSync(odd, 'Run Date;Action;Total\n2024-01-02;BUY;100\n');
    const result = await run(['--db', db, 'tx', 'import', odd]);
    expect(result).toMatchObject({ code: 1, out: '' });
    const [first, looked, ...closest] = result.err.split('\n');
    expect(first).toBe('tiltfolio: broker.csv line 1: no preset fits this header (Run Date, Action, Total).');
    expect(looked).toBe("  Looked for each preset's required columns; the closest:");
    expect(closest.slice(0, 3)).toEqual([
      '    tiltfolio: date, type, currency (missing date, type, currency)',
      expect.stringMatching(/^ {4}portfolio-performance(-\w\w)?: /),
      expect.stringMatching(/^ {4}[\w-]+: .* \(missing /),
    ]);
    expect(result.err).toContain('Name the layout with --preset NAME');
    const info = await run(['--db', db, 'info', '--json']);
    expect(JSON.parse(info.out).counts).toMatchObject({ accounts: 0, transactions: 0 });
  });

  it('exports to --out and refuses unknown kinds and bad dates', async () => {
    const { dir, db, good } = files();
    await run(['--db', db, 'tx', 'import', good]);
    const out = path.join(dir, 'out.csv');
    const written = await run(['--db', db, 'export', 'transactions', '--out', out, '--as-of', '2016-01-04']);
    expect(written).toMatchObject({ code: 0, out: '' });
    expect(fs.readFileSync(out, 'utf8')).toBe(
      `${EXPORT_HEADER}\r\n2016-01-04,Brokerage,deposit,,,,,1000,USD,"hello, world",\r\n`,
    );
    expect((await run(['--db', db, 'export', 'trades'])).code).not.toBe(0);
    const badDate = await run(['--db', db, 'export', 'transactions', '--as-of', '2016-02-30']);
    expect(badDate).toMatchObject({ code: 1, err: 'tiltfolio: Use a real date written YYYY-MM-DD.\n' });
    const holdings = await run(['--db', db, 'export', 'holdings']);
    expect(holdings).toMatchObject({ code: 0, err: '' });
    expect(holdings.out.split('\r\n')[0]).toBe(
      'account,symbol,currency,sleeve,quantity,cost_basis,price,price_date,market_value,unrealized_pl,realized_pl,dividends,weight_pct,' +
        'base_currency,fx_rate,market_value_base,cost_basis_base,unrealized_pl_base,currency_effect_base',
    );
    expect(holdings.out).toContain('\r\nBrokerage,AAPL,USD,');
  });

  it('guards formulas in exports unless told --no-formula-guard, and reads its own guard back', async () => {
    const { dir, db } = files();
    const evil = path.join(dir, 'evil.csv');
    fs.writeFileSync(evil, `${HEADER}\n2016-01-04,@Broker,deposit,,,,,1000,USD,=1+2\n`);
    expect((await run(['--db', db, 'tx', 'import', evil])).code).toBe(0);
    const guarded = await run(['--db', db, 'export', 'transactions']);
    expect(guarded.out).toBe(`${EXPORT_HEADER}\r\n2016-01-04,'@Broker,deposit,,,,,1000,USD,'=1+2,\r\n`);
    const raw = await run(['--db', db, 'export', 'transactions', '--no-formula-guard']);
    expect(raw.out).toBe(`${EXPORT_HEADER}\r\n2016-01-04,@Broker,deposit,,,,,1000,USD,=1+2,\r\n`);
    // The guarded file into a new database: the account and note as first typed.
    const again = path.join(dir, 'again.sqlite');
    const file = path.join(dir, 'guarded.csv');
    expect((await run(['--db', db, 'export', 'transactions', '--out', file])).code).toBe(0);
    expect((await run(['--db', again, 'tx', 'import', file])).out).toContain('new accounts: @Broker');
    expect((await run(['--db', again, 'export', 'transactions', '--no-formula-guard'])).out).toBe(raw.out);
  });

  it('imports a 1-for-3 split typed as 1:3 and a full sale after it, and exports the ratio as 1/3', async () => {
    const { dir, db } = files();
    const file = path.join(dir, 'reverse.csv');
    const rows = [
      '2020-01-02,Brokerage,deposit,,,,,10000,USD,',
      '2020-01-02,Brokerage,buy,XYZ,300,10,,,USD,',
      '2020-03-02,Brokerage,split,XYZ,1:3,,,,USD,',
      '2020-04-01,Brokerage,sell,XYZ,100,33,,,USD,',
    ];
    fs.writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
    const imported = await run(['--db', db, 'tx', 'import', file]);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain('Imported 4 of 4 rows from reverse.csv');
    const exported = await run(['--db', db, 'export', 'transactions']);
    expect(exported.out).toContain('\r\n2020-03-02,Brokerage,split,XYZ,1/3,,,,USD,,\r\n');
    // Sold out: the sale of all 100 was accepted, so no XYZ row is left.
    const holdings = await run(['--db', db, 'export', 'holdings']);
    expect(holdings.out).not.toContain(',XYZ,');
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, `${HEADER}\n2020-05-01,Brokerage,split,XYZ,1:0,,,,USD,\n`);
    const refused = await run(['--db', db, 'tx', 'import', bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain(
      'bad.csv line 2, column quantity: "1:0" is not accepted: the split ratio "1:0" has a zero side',
    );
  });
});
