// Each built-in preset imports its sample file (test-fixtures/) through the real import call.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/csv-schemas';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-fixtures', name);

type Row = Omit<TransactionRow, 'id'>;
const row = (fields: Partial<Row> & Pick<Row, 'date' | 'type' | 'account' | 'currency'>): Row => ({
  time: null,
  symbol: null,
  quantity: null,
  price: null,
  fee: null,
  amount: null,
  fxRate: null,
  note: '',
  ...fields,
});

describe('built-in presets', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function importFixture(file: string, input: Record<string, unknown>) {
    // Import by path is for the app and the CLI; the test backend otherwise runs as browser mode.
    backend = testBackend(tempDir(), { mode: 'cli' });
    const result = await backend.dispatch('csv:importFile', { path: fixture(file), ...input });
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as ImportResult;
    expect(value.errorMessages).toEqual([]);
    const list = await backend.dispatch('transactions:list', {});
    if (!list.ok) throw new Error(list.error.message);
    const rows = (list.value as { rows: TransactionRow[] }).rows.map(({ id: _id, ...rest }) => rest);
    return { result: value, rows };
  }

  it('reads German Portfolio Performance: 1.234,56, trade taxes into the fee, Steuern rows as tax, prices from values', async () => {
    const { result, rows } = await importFixture('portfolio-performance-de.csv', {
      preset: 'portfolio-performance-de',
      account: 'Depot',
    });
    expect(result).toMatchObject({ committed: true, added: 8, accountsCreated: ['Depot'] });
    const base = { account: 'Depot', currency: 'EUR' };
    expect(rows).toEqual([
      row({ ...base, date: '2016-01-04', type: 'deposit', amount: '10000.00', note: 'Startkapital' }),
      row({
        ...base,
        date: '2016-01-05',
        time: '09:30',
        type: 'buy',
        symbol: 'AAPL',
        quantity: '10',
        price: '100',
        fee: '4.95',
      }),
      row({ ...base, date: '2016-05-12', type: 'dividend', symbol: 'AAPL', amount: '5.32', fee: '0.8', note: 'Q2' }),
      row({ ...base, date: '2016-11-14', type: 'sell', symbol: 'AAPL', quantity: '5', price: '211.99', fee: '9.95' }),
      row({ ...base, date: '2016-12-30', type: 'interest', amount: '1.23' }),
      row({ ...base, date: '2016-12-31', type: 'fee', amount: '12.00', note: 'Depotgebühr' }),
      row({ ...base, date: '2017-01-10', type: 'withdrawal', amount: '500.00' }),
      row({ ...base, date: '2017-02-01', type: 'tax', amount: '3.10' }),
    ]);
  });

  it('reads English Portfolio Performance with its account column, deliveries and refunds', async () => {
    const { result, rows } = await importFixture('portfolio-performance-en.csv', { preset: 'portfolio-performance' });
    expect(result).toMatchObject({ added: 5, accountsCreated: ['Broker US'] });
    const base = { account: 'Broker US', currency: 'USD' };
    expect(rows).toEqual([
      row({ ...base, date: '2016-01-04', time: '00:00', type: 'deposit', amount: '5000.00' }),
      row({
        ...base,
        date: '2016-01-05',
        time: '10:15',
        type: 'buy',
        symbol: 'MSFT',
        quantity: '3',
        price: '500',
        note: 'Bought, finally',
      }),
      row({
        ...base,
        date: '2016-03-01',
        time: '00:00',
        type: 'transfer_in',
        symbol: 'MSFT',
        quantity: '2',
        amount: '600.00',
      }),
      row({ ...base, date: '2016-06-01', time: '00:00', type: 'interest', amount: '2.5', note: 'Fees Refund' }),
      row({
        ...base,
        date: '2016-07-01',
        time: '00:00',
        type: 'withdrawal',
        amount: '100.00',
        note: 'Transfer (Outbound)',
      }),
    ]);
  });

  it('reads Ghostfolio activities with mixed date separators', async () => {
    const { rows } = await importFixture('ghostfolio.csv', { preset: 'ghostfolio', account: 'Ghost' });
    const base = { account: 'Ghost', currency: 'USD' };
    expect(rows).toEqual([
      row({ ...base, date: '2021-09-01', type: 'fee', amount: '49', note: 'Account Opening Fee' }),
      row({
        ...base,
        date: '2021-09-16',
        type: 'buy',
        symbol: 'MSFT',
        quantity: '5',
        price: '298.580',
        fee: '19.00',
        note: 'My first order 🤓',
      }),
      row({ ...base, date: '2021-11-17', type: 'dividend', symbol: 'MSFT', amount: '3.1' }),
      row({ ...base, date: '2021-11-18', type: 'interest', amount: '2.5', note: 'Interest' }),
      row({ ...base, date: '2022-01-10', type: 'sell', symbol: 'MSFT', quantity: '2', price: '310.5', fee: '1.5' }),
    ]);
  });

  it('reads Wealthfolio activities: cash symbols, splits from amount, TAX rows as tax', async () => {
    const { rows } = await importFixture('wealthfolio.csv', { preset: 'wealthfolio', account: 'Wealth' });
    const base = { account: 'Wealth', currency: 'USD' };
    expect(rows).toEqual([
      row({ ...base, date: '2023-08-11', time: '14:55', type: 'deposit', amount: '600.03' }),
      row({ ...base, date: '2023-12-15', time: '15:02', type: 'buy', symbol: 'MSFT', quantity: '1', price: '368.60' }),
      row({ ...base, date: '2024-01-01', time: '15:02', type: 'dividend', symbol: 'MSFT', amount: '57.5' }),
      row({ ...base, date: '2024-02-01', time: '00:00', type: 'split', symbol: 'MSFT', quantity: '2' }),
      row({
        ...base,
        date: '2024-03-01',
        time: '00:00',
        type: 'sell',
        symbol: 'MSFT',
        quantity: '1',
        price: '400',
        fee: '1.25',
      }),
      row({ ...base, date: '2024-03-02', time: '00:00', type: 'fee', amount: '2.5' }),
      row({ ...base, date: '2024-03-03', time: '00:00', type: 'tax', amount: '10' }),
      row({ ...base, date: '2024-04-01', time: '00:00', type: 'withdrawal', amount: '100' }),
    ]);
  });

  it('suggests the preset from the header in the preview', async () => {
    backend = testBackend(tempDir());
    const fs = await import('node:fs');
    const expectations: [string, string][] = [
      ['portfolio-performance-de.csv', 'portfolio-performance-de'],
      ['portfolio-performance-en.csv', 'portfolio-performance'],
      ['ghostfolio.csv', 'ghostfolio'],
      ['wealthfolio.csv', 'wealthfolio'],
    ];
    for (const [file, preset] of expectations) {
      const preview = await backend.dispatch('csv:preview', { content: fs.readFileSync(fixture(file), 'utf8') });
      expect(preview, file).toMatchObject({ ok: true, value: { suggestedPreset: preset } });
    }
  });
});
