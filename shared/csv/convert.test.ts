import { describe, expect, it } from 'vitest';
import { bindHeader, RecordReader, type BindOptions } from './convert';
import { describeProblem } from './problems';
import type { AnyPreset } from './preset-types';
import { mappingPreset } from './presets/mapping';
import { tiltfolioPreset } from './presets/tiltfolio';
import { TRANSACTION_COLUMNS } from './transaction-columns';

function reader(preset: AnyPreset, header: readonly string[], options: BindOptions = {}) {
  const bound = bindHeader(preset, header, options);
  if (!bound.ok) throw new Error(JSON.stringify(bound.problems));
  return new RecordReader(bound.binding);
}

const own = () => reader(tiltfolioPreset, TRANSACTION_COLUMNS);
/** The export's header before issue 16 added `fx_rate`: such files must still import. */
const OLD_COLUMNS = TRANSACTION_COLUMNS.filter((c) => c !== 'fx_rate');

describe('the app format', () => {
  it('reads a record into the contract input, digits kept as written', () => {
    const result = own().read(
      ['2016-11-14', 'Brokerage', 'buy', 'aapl', '10.50', '105.71', '+1', '', 'usd', '  spaced  ', ''],
      2,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        date: '2016-11-14',
        time: null,
        account: 'Brokerage',
        type: 'buy',
        symbol: 'AAPL',
        quantity: '10.50',
        price: '105.71',
        fee: '1',
        amount: null,
        currency: 'USD',
        fxRate: null,
        note: '  spaced  ',
      },
      more: [],
    });
  });

  it('reads the broker rate of the last column, digits kept, and files without the column', () => {
    const record = ['2016-11-14', 'Depot', 'buy', 'JPM', '10', '66.5', '1', '', 'USD', ''];
    expect(own().read([...record, '0.93150'], 2)).toMatchObject({ ok: true, input: { fxRate: '0.93150' } });
    expect(own().read([...record, ''], 2)).toMatchObject({ ok: true, input: { fxRate: null } });
    const old = reader(tiltfolioPreset, OLD_COLUMNS).read(record, 2);
    expect(old).toMatchObject({ ok: true, input: { symbol: 'JPM', currency: 'USD', fxRate: null } });
  });

  it('names line, column and value of a bad broker rate', () => {
    const record = ['2016-11-14', 'Depot', 'buy', 'JPM', '10', '66.5', '1', '', 'USD', ''];
    const problems = (rate: string) => {
      const result = own().read([...record, rate], 9);
      return result.ok ? [] : result.problems.map((p) => describeProblem('t.csv', p));
    };
    expect(problems('abc')).toEqual(['t.csv line 9, column fx_rate: "abc" is not a number (expected 1234.56)']);
    expect(problems('-0.93')).toEqual([
      't.csv line 9, column fx_rate: "-0.93" is not accepted: write the exchange rate (fxRate) as a plain positive number, such as 1.0856.',
    ]);
    expect(problems('0.000')).toEqual([
      't.csv line 9, column fx_rate: "0.000" is not accepted: the exchange rate (fxRate) must be more than zero.',
    ]);
  });

  it('names the line, the column and the value of every bad cell', () => {
    const result = own().read(['2016-02-30', 'B', 'purchase', '', '1,5', 'x', '', '', 'USD', '', ''], 12);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => describeProblem('transactions.csv', p))).toEqual([
      'transactions.csv line 12, column date: "2016-02-30" is not a calendar date (read as 2016-02-30)',
      'transactions.csv line 12, column type: "purchase" is not a known type (expected one of buy, sell, dividend, split, fee, tax, interest, deposit, withdrawal, transfer_in, transfer_out)',
      'transactions.csv line 12, column quantity: "1,5" is not a number (expected 1234.56)',
      'transactions.csv line 12, column price: "x" is not a number (expected 1234.56)',
    ]);
  });

  it('passes schema problems on with the column named', () => {
    const result = own().read(['2016-11-14', 'B', 'buy', 'A B', '1', '1', '', '', 'EURO', '', ''], 3);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.column, p.value])).toEqual([
      ['symbol', 'A B'],
      ['currency', 'EURO'],
    ]);
    expect(result.problems[0]?.reason).toMatch(/^is not accepted: use the ticker symbol/);
  });

  it('refuses a record with the wrong number of fields', () => {
    const result = own().read(['2016-11-14', 'B'], 7);
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 7, column: null, reason: 'has 2 fields; the header has 11' }],
    });
  });

  it('puts every row in the chosen account, and needs one when the file has no account column', () => {
    const header = OLD_COLUMNS.filter((c) => c !== 'account');
    const missing = bindHeader(tiltfolioPreset, header);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]?.reason).toMatch(/has no account column/);
    const chosen = reader(tiltfolioPreset, header, { account: 'IRA' });
    const result = chosen.read(['2016-11-14', 'deposit', '', '', '', '', '100', 'USD', ''], 2);
    expect(result).toMatchObject({ ok: true, input: { account: 'IRA', type: 'deposit', amount: '100' } });
  });

  it('reports a missing required column on line 1', () => {
    const bound = bindHeader(tiltfolioPreset, ['date', 'account', 'symbol']);
    expect(bound.ok).toBe(false);
    if (!bound.ok) {
      expect(bound.problems.map((p) => p.reason)).toEqual([
        'has no column "type" (the Tiltfolio preset needs it)',
        'has no column "currency" (the Tiltfolio preset needs it)',
      ]);
    }
  });
});

describe('a hand-made mapping', () => {
  const preset = mappingPreset(
    'broker',
    'My broker',
    {
      columns: { date: 'Trade Date', type: 'Action', symbol: 'Ticker', quantity: 'Qty', price: 'Price', amount: 'Net' },
      constants: { currency: 'EUR' },
      typeValues: { Kaufauftrag: 'buy' },
      absolute: true,
    },
    { delimiter: ';', dateFormat: 'DD/MM/YYYY', numberFormat: '1.234,56' },
  );
  const header = ['Trade Date', 'Action', 'Ticker', 'Qty', 'Price', 'Net', 'Ignored'];

  it('reads formats, constants, extra type words and drops signs', () => {
    const result = reader(preset, header, { account: 'Depot' }).read(
      ['31/12/2016', 'Kaufauftrag', 'sap', '-1.000', '98,50', '-98.500,00', 'x'],
      5,
    );
    expect(result).toMatchObject({
      ok: true,
      input: {
        date: '2016-12-31',
        type: 'buy',
        symbol: 'SAP',
        quantity: '1000',
        price: '98.50',
        amount: '98500.00',
        currency: 'EUR',
        account: 'Depot',
      },
    });
  });

  it('overrides the formats when the import names others', () => {
    const result = reader(preset, header, { account: 'D', dateFormat: 'MM/DD/YYYY', numberFormat: '1,234.56' }).read(
      ['12/31/2016', 'buy', 'SAP', '1,000', '98.50', '', ''],
      2,
    );
    expect(result).toMatchObject({ ok: true, input: { date: '2016-12-31', quantity: '1000', price: '98.50' } });
  });
});

describe('a US broker’s file through a mapping', () => {
  const preset = mappingPreset(
    'us',
    'US broker',
    {
      columns: {
        date: 'Date',
        type: 'Action',
        symbol: 'Symbol',
        quantity: 'Qty',
        price: 'Price',
        fee: 'Commission',
        amount: 'Amount',
      },
      extraFees: ['Fees', 'Tax'],
      absolute: true,
    },
    { delimiter: ',', dateFormat: 'MM/DD/YYYY', numberFormat: '1,234.56' },
  );
  const header = ['Date', 'Action', 'Symbol', 'Qty', 'Price', 'Commission', 'Fees', 'Tax', 'Amount'];
  const us = (options: BindOptions = {}) =>
    reader(preset, header, { account: 'Brokerage', currency: 'usd', ...options });

  it('adds every fee column exactly, signs and currency marks dropped', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats; the three charges must cost exactly 4.30.
    const result = us().read(
      ['01/15/2024', 'Buy', 'AAPL', '10', '$150.00', '-$4.00', '($0.1)', '-$0.2', '-$1,504.30'],
      2,
    );
    expect(result).toMatchObject({
      ok: true,
      input: { fee: '4.3', price: '150.00', amount: '1504.30', currency: 'USD', account: 'Brokerage' },
    });
    const one = us().read(['01/15/2024', 'Buy', 'AAPL', '10', '$150.00', '', '$0.05', '', '-$1,500.05'], 3);
    expect(one).toMatchObject({ ok: true, input: { fee: '0.05' } });
    const none = us().read(['01/15/2024', 'Buy', 'AAPL', '10', '$150.00', '', '', '', '-$1,500.00'], 4);
    expect(none).toMatchObject({ ok: true, input: { fee: null } });
  });

  it('names the fee column that is not a number', () => {
    const result = us().read(['01/15/2024', 'Buy', 'AAPL', '10', '$150.00', '1', 'n/a', '', '-$1,501'], 5);
    expect(result).toMatchObject({ ok: false, problems: [{ line: 5, column: 'Fees', value: 'n/a' }] });
  });

  it('refuses a mark that names another currency than the row’s', () => {
    const result = us().read(['01/15/2024', 'Buy', 'SAP', '1', '€98.50', '', '', '', '-98.50'], 6);
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 6, column: 'Price', value: '€98.50', reason: "is in EUR, but the row's currency is USD" }],
    });
  });

  it('needs a currency for a file without one, worded for the app or the CLI', () => {
    const app = bindHeader(preset, header, { account: 'B' });
    const cli = bindHeader(preset, header, { wording: 'cli' });
    expect(app.ok || app.problems.map((p) => p.reason)).toEqual([
      'has no currency column: type it in “Currency for every row” in the mapping step',
    ]);
    expect(cli.ok || cli.problems.map((p) => p.reason)).toEqual([
      'has no account column: choose the account to import into with --account NAME',
      'has no currency column: choose the currency of every row with --currency CODE',
    ]);
    const appAccount = bindHeader(preset, header, { currency: 'USD' });
    expect(appAccount.ok || appAccount.problems.map((p) => p.reason).join()).not.toMatch(/--/);
  });

  it('gives a blank currency cell the file’s currency and refuses another one', () => {
    const withColumn = mappingPreset(
      'c',
      'C',
      { columns: { date: 'Date', type: 'Action', amount: 'Amount', currency: 'Ccy' } },
      { delimiter: ',', dateFormat: 'MM/DD/YYYY', numberFormat: '1,234.56' },
    );
    const read = reader(withColumn, ['Date', 'Action', 'Amount', 'Ccy'], { account: 'B', currency: 'USD' });
    expect(read.read(['01/02/2024', 'deposit', '$100', ''], 2)).toMatchObject({ ok: true, input: { currency: 'USD' } });
    expect(read.read(['01/02/2024', 'deposit', '100', 'usd'], 3)).toMatchObject({
      ok: true,
      input: { currency: 'USD' },
    });
    expect(read.read(['01/02/2024', 'deposit', '100', 'EUR'], 4)).toEqual({
      ok: false,
      problems: [
        { line: 4, column: 'Ccy', value: 'EUR', reason: 'is not the currency chosen for the whole file (USD)' },
      ],
    });
  });
});
