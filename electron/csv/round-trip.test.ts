// Export → import into an empty database → export again gives the same bytes (issue 6).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/csv-schemas';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const NOTES = [
  'comma, inside',
  'a "quoted" word',
  'two\nlines',
  'windows\r\nline break',
  'old mac\rline',
  'üñíçødé ✓ 日本語 🤓',
  '  leading and trailing spaces  ',
  '=SUM(A1:A2)',
  '"',
  ',',
  '',
];

async function seed(backend: Backend): Promise<number> {
  const call = async (name: string, input: unknown) => {
    const result = await backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  };
  await call('accounts:create', { name: 'Brokerage', currency: 'USD' });
  await call('accounts:create', { name: 'Über Konto, "EU"', currency: 'EUR' });
  const base = { account: 'Brokerage', currency: 'USD' };
  const rows: Record<string, unknown>[] = [
    { ...base, date: '2016-01-04', type: 'deposit', amount: '100000.00' },
    { ...base, date: '2016-01-05', type: 'buy', symbol: 'AAPL', quantity: '10.50', price: '105.710', fee: '1.0000' },
    {
      ...base,
      date: '2016-01-05',
      type: 'buy',
      symbol: 'BRK.B',
      quantity: '0.0001',
      price: '123456789012345.1234567891',
    },
    { ...base, date: '2016-01-05', type: 'dividend', symbol: 'AAPL', amount: '0.52' },
    { ...base, date: '2016-06-01', type: 'split', symbol: 'AAPL', quantity: '7' },
    {
      ...base,
      date: '2016-06-02',
      type: 'sell',
      symbol: 'AAPL',
      quantity: '3',
      price: '99.99',
      fee: '0',
      amount: '299.97',
    },
    { ...base, date: '2016-07-01', type: 'transfer_out', symbol: 'AAPL', quantity: '2' },
    {
      account: 'Über Konto, "EU"',
      currency: 'USD',
      date: '2016-07-01',
      type: 'transfer_in',
      symbol: 'AAPL',
      quantity: '2',
    },
    { ...base, date: '2016-08-01', type: 'interest', amount: '1.23' },
    { ...base, date: '2016-08-02', type: 'fee', amount: '5' },
    { ...base, date: '2016-08-03', type: 'tax', symbol: 'AAPL', amount: '12.340' },
    { ...base, date: '2016-08-04', type: 'tax', amount: '0.5' },
    { ...base, date: '2016-09-01', type: 'withdrawal', amount: '10' },
    // A EUR account buying a USD stock: with the broker's rate (digits kept as typed), and without.
    { account: 'Über Konto, "EU"', currency: 'EUR', date: '2016-11-14', type: 'deposit', amount: '5000' },
    {
      account: 'Über Konto, "EU"',
      currency: 'USD',
      date: '2016-11-14',
      type: 'buy',
      symbol: 'JPM',
      quantity: '10',
      price: '78.47',
      fee: '1',
      fxRate: '0.93150',
    },
    {
      account: 'Über Konto, "EU"',
      currency: 'USD',
      date: '2016-11-15',
      type: 'buy',
      symbol: 'JPM',
      quantity: '1',
      price: '79',
    },
  ];
  const all = [
    ...rows,
    ...NOTES.map((note, i) => ({ ...base, date: '2016-10-01', type: 'deposit', amount: String(i + 1), note })),
  ];
  for (const [i, row] of all.entries()) await call('transactions:create', { ...row, note: row.note ?? `row ${i}` });
  return all.length;
}

describe('CSV round trip', () => {
  const tempDir = useTempDirs();
  const backends: Backend[] = [];
  afterEach(() => {
    for (const backend of backends.splice(0)) backend.close();
  });
  const open = (mode: 'browser' | 'cli' = 'browser') => {
    const backend = testBackend(tempDir(), { mode });
    backends.push(backend);
    return backend;
  };

  async function exportTransactions(backend: Backend): Promise<string> {
    const result = await backend.dispatch('csv:export', { kind: 'transactions' });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { content: string }).content;
  }

  it('exports, imports into an empty database and exports the same bytes', async () => {
    const source = open();
    const count = await seed(source);
    const first = await exportTransactions(source);

    expect(first.startsWith('date,account,type,symbol,quantity,price,fee,amount,currency,note,fx_rate\r\n')).toBe(true);
    expect(first).toContain('2016-01-05,Brokerage,buy,BRK.B,0.0001,123456789012345.1234567891,,,USD,row 2,\r\n');
    // The broker's rate is the last column, as typed; empty when the row has none.
    expect(first).toContain('2016-11-14,"Über Konto, ""EU""",buy,JPM,10,78.47,1,,USD,row 14,0.93150\r\n');
    expect(first).toContain('2016-11-15,"Über Konto, ""EU""",buy,JPM,1,79,,,USD,row 15,\r\n');
    expect(first).toContain('"Über Konto, ""EU""",transfer_in');
    expect(first).toContain(',"a ""quoted"" word",\r\n');
    // Taxes are their own type, with or without a holding, and keep their digits.
    expect(first).toContain('2016-08-03,Brokerage,tax,AAPL,,,,12.340,USD,row 10,\r\n');
    expect(first).toContain('2016-08-04,Brokerage,tax,,,,,0.5,USD,row 11,\r\n');
    expect(first).toContain(',"two\nlines",\r\n');
    // Header, rows, the empty rest after the last CRLF, and the CRLF inside one note.
    expect(first.split('\r\n')).toHaveLength(count + 3);

    const target = open();
    const imported = await target.dispatch('csv:import', { fileName: 'export.csv', content: first });
    expect(imported).toMatchObject({ ok: true, value: { committed: true, added: count, errorCount: 0 } });
    const second = await exportTransactions(target);
    expect(Buffer.from(second, 'utf8').equals(Buffer.from(first, 'utf8'))).toBe(true);
  });

  it('imports an export written before fx_rate, and exports it again with the column empty', async () => {
    const source = open();
    await seed(source);
    const current = await exportTransactions(source);
    // The old format, built independently: the same records without their last field. No note of
    // the seed ends in a comma, so the last comma of each record is the one before fx_rate.
    const records = current.split(/\r\n(?=\d{4}-\d\d-\d\d,|$)/);
    const old = records.map((record) => (record === '' ? '' : record.slice(0, record.lastIndexOf(',')))).join('\r\n');
    expect(old.startsWith('date,account,type,symbol,quantity,price,fee,amount,currency,note\r\n')).toBe(true);
    expect(old).toContain('2016-11-14,"Über Konto, ""EU""",buy,JPM,10,78.47,1,,USD,row 14\r\n');

    const target = open();
    const imported = await target.dispatch('csv:import', { fileName: 'old.csv', content: old });
    expect(imported).toMatchObject({ ok: true, value: { committed: true, errorCount: 0 } });
    const again = await exportTransactions(target);
    // Every record as before, the broker's rate the old file could not hold left empty.
    expect(again).toBe(current.replace(',row 14,0.93150\r\n', ',row 14,\r\n'));
  });

  it('round-trips through files, streaming both ways', async () => {
    const source = open('cli');
    await seed(source);
    const dir = tempDir();
    const firstFile = path.join(dir, 'first.csv');
    expect(await source.dispatch('csv:exportFile', { kind: 'transactions', path: firstFile })).toMatchObject({
      ok: true,
      value: { path: firstFile },
    });
    const target = open('cli');
    const imported = await target.dispatch('csv:importFile', { path: firstFile });
    expect((imported as { value: ImportResult }).value.errorMessages).toEqual([]);
    const secondFile = path.join(dir, 'second.csv');
    await target.dispatch('csv:exportFile', { kind: 'transactions', path: secondFile });
    expect(fs.readFileSync(secondFile).equals(fs.readFileSync(firstFile))).toBe(true);
    expect(fs.existsSync(`${secondFile}.partial`)).toBe(false);
  });

  it('keeps rows up to --as-of', async () => {
    const source = open();
    await seed(source);
    const result = await source.dispatch('csv:export', { kind: 'transactions', asOf: '2016-01-05' });
    expect(result).toMatchObject({ ok: true, value: { rows: 4, fileName: 'tiltfolio-transactions-2016-01-05.csv' } });
  });
});
