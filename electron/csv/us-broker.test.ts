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
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const FILE = path.join(import.meta.dirname, 'test-fixtures', 'us-broker', 'schwab-nra-tax-adj.csv');

/** "$170.00", "-$17000.03" → thousandths of a cent as a BigInt (10⁻⁵ dollars), by string work. */
function units(text: string): bigint {
  const match = /^(-?)\$?(\d+)(?:\.(\d{1,5}))?$/.exec(text.replace(/,/g, ''));
  if (!match) throw new Error(`not a Schwab number: ${text}`);
  const value = BigInt((match[2] ?? '') + (match[3] ?? '').padEnd(5, '0'));
  return match[1] === '-' ? -value : value;
}

const dollars = (value: bigint) => {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const fraction = (abs % 100000n).toString().padStart(5, '0').replace(/0+$/, '');
  return `${sign}${abs / 100000n}${fraction ? `.${fraction}` : ''}`;
};

/**
 * The file as a person reads it: every Amount moves cash; a Buy adds shares at their cost with the
 * commission, a Sell takes shares off at the average cost per share (one lot here, so FIFO agrees).
 */
function readByHand(text: string) {
  const [, ...lines] = text.trim().split('\n');
  const rows = lines
    .map((line) => line.slice(1, -1).split('","'))
    .map(([date = '', action = '', symbol = '', , quantity = '', , , amount = '']) => {
      const [m, d, y] = date.split('/');
      return { day: `${y}-${m}-${d}`, action, symbol, quantity, amount };
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let cash = 0n;
  const shares = new Map<string, bigint>();
  const cost = new Map<string, bigint>();
  const realised = new Map<string, bigint>();
  for (const row of rows) {
    const amount = units(row.amount);
    cash += amount;
    const held = shares.get(row.symbol) ?? 0n;
    const q = BigInt(row.quantity || '0');
    if (row.action === 'Buy') {
      shares.set(row.symbol, held + q);
      cost.set(row.symbol, (cost.get(row.symbol) ?? 0n) - amount);
    } else if (row.action === 'Sell') {
      const soldCost = ((cost.get(row.symbol) ?? 0n) * q) / held;
      shares.set(row.symbol, held - q);
      cost.set(row.symbol, (cost.get(row.symbol) ?? 0n) - soldCost);
      realised.set(row.symbol, (realised.get(row.symbol) ?? 0n) + amount - soldCost);
    }
  }
  return { cash, shares, cost, realised };
}

describe('a Schwab export, through the mapping step', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function call<T>(name: string, input: unknown): Promise<T> {
    const result = await backend.dispatch(name as never, input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }

  it('imports with $ amounts, one account and USD for the whole file, and holds what the file says', async () => {
    backend = testBackend(tempDir());
    const content = fs.readFileSync(FILE, 'utf8');
    const preview = await call<CsvPreview>('csv:preview', { content });
    // What the mapping step starts from: Schwab's columns found, dates and $ numbers recognised.
    expect(preview.mapping.columns).toMatchObject({
      date: 'Date',
      type: 'Action',
      symbol: 'Symbol',
      quantity: 'Quantity',
      price: 'Price',
      fee: 'Fees & Comm',
      amount: 'Amount',
    });
    expect([preview.dateFormat, preview.numberFormat]).toEqual(['MM/DD/YYYY', '1,234.56']);

    const mapping = {
      columns: { ...preview.mapping.columns, note: 'Description' },
      typeValues: { 'Qualified Dividend': 'dividend', 'Credit Interest': 'interest', 'NRA Tax Adj': 'fee' },
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
        columns: {
          date: 'Date',
          type: 'Action',
          symbol: 'Symbol',
          quantity: 'Quantity',
          price: 'Price',
          fee: 'Fees & Comm',
          amount: 'Amount',
        },
        typeValues: { 'Qualified Dividend': 'dividend', 'Credit Interest': 'interest', 'NRA Tax Adj': 'fee' },
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
