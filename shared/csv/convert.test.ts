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

describe('the app format', () => {
  it('reads a record into the contract input, digits kept as written', () => {
    const result = own().read(
      ['2016-11-14', 'Brokerage', 'buy', 'aapl', '10.50', '105.71', '+1', '', 'usd', '  spaced  '],
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
        note: '  spaced  ',
      },
      more: [],
    });
  });

  it('names the line, the column and the value of every bad cell', () => {
    const result = own().read(['2016-02-30', 'B', 'purchase', '', '1,5', 'x', '', '', 'USD', ''], 12);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => describeProblem('transactions.csv', p))).toEqual([
      'transactions.csv line 12, column date: "2016-02-30" is not a calendar date (read as 2016-02-30)',
      'transactions.csv line 12, column type: "purchase" is not a known type (expected one of buy, sell, dividend, split, fee, interest, deposit, withdrawal, transfer_in, transfer_out)',
      'transactions.csv line 12, column quantity: "1,5" is not a number (expected 1234.56)',
      'transactions.csv line 12, column price: "x" is not a number (expected 1234.56)',
    ]);
  });

  it('passes schema problems on with the column named', () => {
    const result = own().read(['2016-11-14', 'B', 'buy', 'A B', '1', '1', '', '', 'EURO', ''], 3);
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
      problems: [{ line: 7, column: null, reason: 'has 2 fields; the header has 10' }],
    });
  });

  it('puts every row in the chosen account, and needs one when the file has no account column', () => {
    const header = TRANSACTION_COLUMNS.filter((c) => c !== 'account');
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
