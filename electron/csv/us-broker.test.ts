// A US broker's own export (test-fixtures/us-broker/SOURCES.md), imported as a user would: through
// the mapping step's request, the file unedited, with one account and one currency chosen for the
// whole file. Holdings, cash and realised P&L are checked against a reading of the file written
// here, in exact integer arithmetic of its own.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvPreview, ImportResult } from '../../shared/api/csv-schemas';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from '../backend/backend';
import { runCli } from '../cli/program';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { dollars, readByHand } from './test-support/schwab-reading';

/** The mapping a user makes of Schwab's columns, and the types they pick for its words. */
const COLUMNS = {
  date: 'Date',
  type: 'Action',
  symbol: 'Symbol',
  quantity: 'Quantity',
  price: 'Price',
  fee: 'Fees & Comm',
  amount: 'Amount',
};
const TYPE_WORDS = { 'Qualified Dividend': 'dividend', 'Credit Interest': 'interest', 'NRA Tax Adj': 'fee' };

const FILE = path.join(import.meta.dirname, 'test-fixtures', 'us-broker', 'schwab-nra-tax-adj.csv');

describe('a Schwab export, through the mapping step', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  const call = <T>(name: string, input: unknown) => callOk<T>(backend, name, input);

  it('imports with $ amounts, one account and USD for the whole file, and holds what the file says', async () => {
    backend = testBackend(tempDir());
    const content = fs.readFileSync(FILE, 'utf8');
    const preview = await call<CsvPreview>('csv:preview', { content });
    // What the mapping step starts from: Schwab's columns found, dates and $ numbers recognised.
    expect(preview.mapping.columns).toMatchObject(COLUMNS);
    expect([preview.dateFormat, preview.numberFormat]).toEqual(['MM/DD/YYYY', '1,234.56']);

    const mapping = {
      columns: { ...preview.mapping.columns, note: 'Description' },
      typeValues: TYPE_WORDS,
    };
    const request = {
      fileName: 'schwab.csv',
      content,
      mapping,
      dateFormat: preview.dateFormat,
      numberFormat: preview.numberFormat,
      account: 'Schwab',
      currency: 'USD',
    };
    // Without a currency the app's wording names its own field, not a CLI option.
    const noCurrency = await call<ImportResult>('csv:import', { ...request, currency: undefined, dryRun: true });
    expect(noCurrency.errorMessages).toEqual([
      'schwab.csv line 1: has no currency column: type it in “Currency for every row” in the mapping step',
    ]);

    const result = await call<ImportResult>('csv:import', request);
    expect(result).toMatchObject({ committed: true, rows: 7, added: 7, errorCount: 0, accountsCreated: ['Schwab'] });

    const expected = readByHand(content);
    const view = await call<HoldingsOutput>('portfolio:holdings', {});
    expect(view.cash.map((c) => [c.account, c.currency, c.balance])).toEqual([
      ['Schwab', 'USD', dollars(expected.cash)],
    ]);
    const open = [...expected.shares].filter(([, q]) => q !== 0n);
    expect(view.rows.map((r) => [r.symbol, r.quantity, r.costBasis, r.realizedPl])).toEqual(
      open.map(([symbol, q]) => [
        symbol,
        q.toString(),
        dollars(expected.cost.get(symbol) ?? 0n),
        dollars(expected.realised.get(symbol) ?? 0n),
      ]),
    );
    // The figures the reading gives, so that a wrong reading cannot pass unnoticed either.
    expect(dollars(expected.cash)).toBe('-7960.05');
    expect([...open]).toEqual([['AAPL', 50n]]);
    expect(dollars(expected.realised.get('AAPL') ?? 0n)).toBe('499.965');
  });

  it('imports from the CLI under a saved mapping, with --account and --currency, worded for the CLI', async () => {
    const dir = tempDir();
    backend = testBackend(dir);
    await call('csv:savePreset', {
      name: 'schwab-mine',
      mapping: {
        columns: COLUMNS,
        typeValues: TYPE_WORDS,
      },
      dateFormat: 'MM/DD/YYYY',
      numberFormat: '1,234.56',
    });
    backend.close();
    const db = path.join(dir, 'tiltfolio.sqlite');
    let out = '';
    let err = '';
    const run = (args: string[]) => {
      out = '';
      err = '';
      return runCli(['--db', db, 'tx', 'import', FILE, '--preset', 'schwab-mine', ...args], {
        out: (t) => (out += t),
        err: (t) => (err += t),
      });
    };
    expect(await run(['--account', 'Schwab'])).toBe(1);
    expect(err).toContain(
      'schwab-nra-tax-adj.csv line 1: has no currency column: choose the currency of every row with --currency CODE',
    );
    expect(await run(['--account', 'Schwab', '--currency', 'usd'])).toBe(0);
    expect(out).toBe(
      'Imported 7 of 7 rows from schwab-nra-tax-adj.csv (0 duplicates skipped; new accounts: Schwab).\n',
    );
    backend = testBackend(dir);
    const view = await call<HoldingsOutput>('portfolio:holdings', {});
    expect(view.cash.map((c) => [c.currency, c.balance])).toEqual([
      ['USD', dollars(readByHand(fs.readFileSync(FILE, 'utf8')).cash)],
    ]);
  });
});
