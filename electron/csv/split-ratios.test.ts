// Split ratios through the CSV import and export (issue 15, defect 6): every spelling of a ratio is
// accepted, stored in one spelling, exported and imported back byte for byte; bad ones are named
// by file, line and column. The figures expected are worked out in the test.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/csv-schemas';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';
const DEPOSIT = '2020-01-02,Brokerage,deposit,,,,,10000,USD,';
const BUY = '2020-01-02,Brokerage,buy,XYZ,300,10,,,USD,';
const split = (ratio: string) => `2020-03-02,Brokerage,split,XYZ,${ratio},,,,USD,`;
const SELL_100 = '2020-04-01,Brokerage,sell,XYZ,100,33,,,USD,';

describe('split ratios in a CSV import', () => {
  const tempDir = useTempDirs();
  const backends: Backend[] = [];
  afterEach(() => {
    for (const backend of backends.splice(0)) backend.close();
  });
  const open = () => {
    const backend = testBackend(tempDir());
    backends.push(backend);
    return backend;
  };

  async function importCsv(backend: Backend, content: string, options: Record<string, unknown> = {}) {
    const result = await backend.dispatch('csv:import', { fileName: 'transactions.csv', content, ...options });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ImportResult;
  }
  async function rows(backend: Backend): Promise<TransactionRow[]> {
    const result = await backend.dispatch('transactions:list', {});
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { rows: TransactionRow[] }).rows;
  }
  async function holdings(backend: Backend): Promise<HoldingsOutput> {
    const result = await backend.dispatch('portfolio:holdings', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value as HoldingsOutput;
  }
  async function exportTransactions(backend: Backend): Promise<string> {
    const result = await backend.dispatch('csv:export', { kind: 'transactions' });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { content: string }).content;
  }

  it('300 shares split 1:3 are exactly 100, and a sale of all 100 is accepted', async () => {
    const backend = open();
    const result = await importCsv(backend, csv(DEPOSIT, BUY, split('1:3'), SELL_100));
    expect(result.errorMessages).toEqual([]);
    expect(result).toMatchObject({ committed: true, added: 4 });
    const view = await holdings(backend);
    // Sold out: the 3000 paid for 300 shares went for 100 × 33 = 3300, a gain of 300.
    expect(view.rows.find((r) => r.symbol === 'XYZ')).toBeUndefined();
    expect(view.totals.realizedPl).toBe(String(100 * 33 - 300 * 10));
    // A USD account in a USD portfolio: its base value is its balance, at the rate 1.
    const balance = String(10000 - 3000 + 3300);
    expect(view.cash).toEqual([
      { account: 'Brokerage', currency: 'USD', balance, balanceBase: balance, fxRate: '1', fxNote: null },
    ]);
  });

  it('before the sale the holding is 100 shares with its cost of 3000 unchanged', async () => {
    const backend = open();
    await importCsv(backend, csv(DEPOSIT, BUY, split('1-for-3')));
    const held = (await holdings(backend)).rows.find((r) => r.symbol === 'XYZ');
    expect(held).toMatchObject({ quantity: '100', costBasis: String(300 * 10) });
  });

  it.each([
    ['1:3', '1/3'],
    ['1/3', '1/3'],
    ['1-for-3', '1/3'],
    ['1 FOR 3', '1/3'],
    ['" 1 : 3 "', '1/3'],
    ['3:1', '3'],
    ['3-for-1', '3'],
    ['3', '3'],
    ['7', '7'],
    ['0.5', '0.5'],
    ['1:2', '0.5'],
    ['3:2', '1.5'],
    ['2-for-3', '2/3'],
  ])('reads %s and stores %j', async (cell, stored) => {
    const backend = open();
    const result = await importCsv(backend, csv(DEPOSIT, BUY, split(cell)));
    expect(result.errorMessages).toEqual([]);
    expect((await rows(backend)).find((r) => r.type === 'split')?.quantity).toBe(stored);
  });

  it('refuses a zero, negative, implausible or garbled ratio, naming line and column, and writes nothing', async () => {
    const backend = open();
    const result = await importCsv(
      backend,
      csv(DEPOSIT, BUY, split('0'), split('-1:3'), split('1:0'), split('20000:1'), split('one for three')),
    );
    const help = 'write new shares : old shares, such as 3:1 (or 3) for 3-for-1 and 1:3 for 1-for-3';
    expect(result).toMatchObject({ committed: false, added: 0, errorCount: 5 });
    expect(result.errorMessages).toEqual([
      `transactions.csv line 4, column quantity: "0" is not accepted: the split ratio "0" must be greater than zero; ${help}.`,
      `transactions.csv line 5, column quantity: "-1:3" is not accepted: the split ratio "-1:3" cannot be negative; ${help}.`,
      `transactions.csv line 6, column quantity: "1:0" is not accepted: the split ratio "1:0" has a zero side; both must be greater than zero; ${help}.`,
      `transactions.csv line 7, column quantity: "20000:1" is not accepted: the split ratio "20000:1" is outside 10000:1 to 1:10000, so it is not a plausible split; ${help}.`,
      `transactions.csv line 8, column quantity: "one for three" is not accepted: the split ratio "one for three" is not a number or a ratio; ${help}.`,
    ]);
    expect(await rows(backend)).toEqual([]);
  });

  it('exports the stored spelling and imports it back byte for byte', async () => {
    const source = open();
    await importCsv(
      source,
      csv(
        DEPOSIT,
        BUY,
        split('1:3'),
        '2020-05-01,Brokerage,split,XYZ,3-for-2,,,,USD,',
        '2020-06-01,Brokerage,split,XYZ,2:1,,,,USD,',
        // A decimal ratio as older exports wrote it reads and writes as it did.
        '2020-07-01,Brokerage,split,XYZ,0.5,,,,USD,',
      ),
    );
    const first = await exportTransactions(source);
    expect(first).toContain('2020-03-02,Brokerage,split,XYZ,1/3,,,,USD,,\r\n');
    expect(first).toContain('2020-05-01,Brokerage,split,XYZ,1.5,,,,USD,,\r\n');
    expect(first).toContain('2020-06-01,Brokerage,split,XYZ,2,,,,USD,,\r\n');
    expect(first).toContain('2020-07-01,Brokerage,split,XYZ,0.5,,,,USD,,\r\n');
    const target = open();
    expect(await importCsv(target, first)).toMatchObject({ committed: true, added: 6, errorCount: 0 });
    const second = await exportTransactions(target);
    expect(Buffer.from(second, 'utf8').equals(Buffer.from(first, 'utf8'))).toBe(true);
    // 300 × 1/3 × 3/2 × 2 × 1/2 = 150.
    const held = (await holdings(target)).rows.find((r) => r.symbol === 'XYZ');
    expect(held?.quantity).toBe(String(((((300 / 3) * 3) / 2) * 2) / 2));
    // The same file imported again is all duplicates, whatever spelling the ratio was typed in.
    expect(await importCsv(target, first)).toMatchObject({ added: 0, duplicates: 6 });
  });

  it('reads a split ratio in a German-format file: 0,5 as a number, 1:3 as a ratio', async () => {
    const backend = open();
    const lines = [
      'date;account;type;symbol;quantity;price;fee;amount;currency;note',
      '02.01.2020;Brokerage;deposit;;;;;10000;USD;',
      '02.01.2020;Brokerage;buy;XYZ;300;10;;;USD;',
      '02.03.2020;Brokerage;split;XYZ;1:3;;;;USD;',
      '02.04.2020;Brokerage;split;XYZ;0,5;;;;USD;',
    ];
    const result = await importCsv(backend, lines.join('\n') + '\n', {
      preset: 'tiltfolio',
      delimiter: ';',
      dateFormat: 'DD.MM.YYYY',
      numberFormat: '1.234,56',
    });
    expect(result.errorMessages).toEqual([]);
    expect((await rows(backend)).filter((r) => r.type === 'split').map((r) => r.quantity)).toEqual(['1/3', '0.5']);
  });

  it('reads a Wealthfolio SPLIT, its ratio in amount as Wealthfolio writes it or typed as 1:3, else in quantity', async () => {
    const backend = open();
    const header = 'date,symbol,quantity,activityType,unitPrice,currency,fee,amount,accountId';
    const content = [
      header,
      '2020-01-02,$CASH-USD,1,DEPOSIT,1,USD,0,10000,Brokerage',
      '2020-01-02,XYZ,300,BUY,10,USD,0,,Brokerage',
      // Wealthfolio keeps a reverse split's ratio as a 28-digit decimal.
      '2020-03-02,XYZ,0,SPLIT,0,USD,0,0.3333333333333333333333333333,Brokerage',
      '2020-04-02,XYZ,0,SPLIT,0,USD,0,3:1,Brokerage',
      // Amount empty: Wealthfolio then takes the ratio from quantity.
      '2020-05-04,XYZ,2,SPLIT,0,USD,0,,Brokerage',
    ].join('\n');
    const result = await importCsv(backend, `${content}\n`, { preset: 'wealthfolio' });
    expect(result.errorMessages).toEqual([]);
    expect((await rows(backend)).filter((r) => r.type === 'split').map((r) => r.quantity)).toEqual(['1/3', '3', '2']);
    expect((await holdings(backend)).rows.find((r) => r.symbol === 'XYZ')?.quantity).toBe(String((300 / 3) * 3 * 2));
  });
});
