import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvProgress, ImportResult } from '../../shared/api/csv-schemas';
import type { Backend } from '../backend/backend';
import { createImportWriter } from '../db/csv-import-repo';
import { openSideConnection } from '../db/side-connection';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { importTransactions } from './import-transactions';
import { tiltfolioPreset } from '../../shared/csv/presets/tiltfolio';

const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

const DEPOSIT = '2016-01-04,Brokerage,deposit,,,,,1000,USD,';
const BUY = '2016-01-05,Brokerage,buy,AAPL,5,100,1,,USD,first';
const SELL = '2016-02-01,Brokerage,sell,AAPL,2,110,1,,USD,';

describe('importing transactions', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  function setup() {
    backend = testBackend(tempDir());
    return backend;
  }

  async function importCsv(content: string, options: Record<string, unknown> = {}): Promise<ImportResult> {
    const result = await backend.dispatch('csv:import', { fileName: 'transactions.csv', content, ...options });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ImportResult;
  }

  async function count(): Promise<number> {
    const result = await backend.dispatch('portfolio:summary', {});
    return result.ok ? (result.value as { transactions: number }).transactions : -1;
  }

  it('adds every row, creating the accounts it names, and reports them', async () => {
    setup();
    const result = await importCsv(csv(DEPOSIT, BUY, SELL, '2016-03-01,IRA,deposit,,,,,50.50,EUR,'));
    expect(result).toMatchObject({
      committed: true,
      rows: 4,
      added: 4,
      duplicates: 0,
      accountsCreated: ['Brokerage', 'IRA'],
      errorCount: 0,
    });
    expect(await count()).toBe(4);
    const accounts = await backend.dispatch('accounts:list', {});
    expect(accounts).toMatchObject({
      value: [
        { name: 'Brokerage', currency: 'USD' },
        { name: 'IRA', currency: 'EUR' },
      ],
    });
  });

  it('uses an existing account whatever the case of its name in the file', async () => {
    setup();
    await backend.dispatch('accounts:create', { name: 'Brokerage', currency: 'USD' });
    const result = await importCsv(csv(DEPOSIT.replace('Brokerage', 'BROKERAGE')));
    expect(result).toMatchObject({ added: 1, accountsCreated: [] });
    expect(result.preview[0]?.account).toBe('Brokerage');
  });

  it('writes nothing when any row is bad, and lists every bad row with line and column', async () => {
    setup();
    const content = csv(
      DEPOSIT,
      '2016-02-30,Brokerage,deposit,,,,,1,USD,',
      BUY,
      '2016-01-06,Brokerage,buy,AAPL,"1,5",x,,,USD,',
      '2016-01-07,Brokerage,teleport,,,,,1,USD,',
      'too,few',
    );
    const result = await importCsv(content);
    expect(result).toMatchObject({ committed: false, added: 0, errorCount: 5, accountsCreated: [] });
    expect(result.errorMessages).toEqual([
      'transactions.csv line 3, column date: "2016-02-30" is not a calendar date (read as 2016-02-30)',
      'transactions.csv line 5, column quantity: "1,5" is not a number (expected 1234.56)',
      'transactions.csv line 5, column price: "x" is not a number (expected 1234.56)',
      'transactions.csv line 6, column type: "teleport" is not a known type (expected one of buy, sell, dividend, split, fee, tax, interest, deposit, withdrawal, transfer_in, transfer_out)',
      'transactions.csv line 7: has 2 fields; the header has 10',
    ]);
    // Row 2 created the account inside the import's transaction; the rollback took it back too.
    expect(await count()).toBe(0);
    expect(await backend.dispatch('accounts:list', {})).toMatchObject({ value: [] });
  });

  it('numbers lines as an editor does when a note spans several lines', async () => {
    setup();
    const result = await importCsv(
      csv('2016-01-04,Brokerage,deposit,,,,,1000,USD,"one\r\ntwo\nthree"', '2016-01-05,Brokerage,deposit,,,,,-,USD,'),
    );
    expect(result.errorMessages).toEqual([
      'transactions.csv line 5, column amount: "-" is not a number (expected 1234.56)',
    ]);
  });

  it('lists at most 100 problems and counts the rest', async () => {
    setup();
    const bad = Array.from(
      { length: 150 },
      (_, i) => `2016-01-${String((i % 28) + 1).padStart(2, '0')},B,buy,X,,,,,USD,`,
    );
    const result = await importCsv(csv(...bad));
    expect(result.errorCount).toBeGreaterThanOrEqual(150);
    expect(result.errors).toHaveLength(100);
    expect(result.errorMessages).toHaveLength(101);
    expect(result.errorMessages.at(-1)).toBe(`and ${result.errorCount - 100} more`);
  });

  it('refuses a history the ledger rejects, naming the line of the sale', async () => {
    setup();
    const result = await importCsv(csv(DEPOSIT, BUY, SELL.replace(',2,', ',9,')));
    expect(result.committed).toBe(false);
    expect(result.errorMessages).toEqual([
      'transactions.csv line 4, column quantity: sells 9 shares but the account Brokerage holds 5.',
    ]);
    expect(await count()).toBe(0);
  });

  it('lists every row that breaks a rule of its type, not only the first', async () => {
    setup();
    const result = await importCsv(
      csv(
        DEPOSIT,
        '2016-01-05,Brokerage,buy,AAPL,5,,,,USD,',
        '2016-01-06,Brokerage,dividend,AAPL,,,,,USD,',
        '2099-01-01,Brokerage,deposit,,,,,1,USD,',
      ),
    );
    expect(result.errorMessages).toEqual([
      'transactions.csv line 3, column price: needs a price.',
      'transactions.csv line 4, column amount: needs an amount.',
      'transactions.csv line 5, column date: is dated 2099-01-01, after today (2026-01-02).',
    ]);
  });

  it('names the column the ledger says is at fault, not a word its message happens to use', async () => {
    setup();
    // The message mentions "another account" before "price": the column is still price.
    const result = await importCsv(csv(DEPOSIT, '2016-01-05,Brokerage,transfer_in,AAPL,5,,,,USD,'));
    expect(result).toMatchObject({ committed: false, added: 0, errorCount: 1 });
    expect(result.errorMessages).toEqual([
      'transactions.csv line 3, column price: no transfer_out of 5 AAPL from another account on the same day carries its cost basis; give a price or amount to set it.',
    ]);
    // A preset's own header names the column: Wealthfolio calls the price unitPrice.
    const wealthfolio = await importCsv(
      'date,symbol,quantity,activityType,unitPrice,currency,fee,amount\n2016-01-05,AAPL,5,TRANSFER_IN,,USD,,\n',
      { preset: 'wealthfolio', account: 'Brokerage' },
    );
    expect(wealthfolio.errorMessages).toEqual([
      'transactions.csv line 2, column unitPrice: no transfer_out of 5 AAPL from another account on the same day carries its cost basis; give a price or amount to set it.',
    ]);
  });

  it('does not duplicate rows on a second import, counting copies', async () => {
    setup();
    const first = await importCsv(csv(DEPOSIT, BUY, BUY));
    expect(first).toMatchObject({ added: 3, duplicates: 0 });
    const again = await importCsv(csv(DEPOSIT, BUY, BUY));
    expect(again).toMatchObject({ added: 0, duplicates: 3, committed: true });
    // Spelled differently, the same transaction; a third copy of the buy is new.
    const more = await importCsv(csv(DEPOSIT.replace(',1000,', ',1000.00,'), BUY, BUY, BUY.replace(',5,', ',5.0,')));
    expect(more).toMatchObject({ added: 1, duplicates: 3 });
    expect(await count()).toBe(4);
  });

  it('shows in a dry run what would be added, and writes nothing', async () => {
    setup();
    const result = await importCsv(csv(DEPOSIT, BUY), { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, committed: false, added: 2, accountsCreated: ['Brokerage'] });
    expect(result.preview.map((row) => row.type)).toEqual(['deposit', 'buy']);
    expect(await count()).toBe(0);
    expect(await backend.dispatch('accounts:list', {})).toMatchObject({ value: [] });
  });

  it('puts every row into the chosen account', async () => {
    setup();
    const result = await importCsv(csv(DEPOSIT, '2016-01-05,Other,deposit,,,,,5,USD,'), { account: 'Joint' });
    expect(result).toMatchObject({ added: 2, accountsCreated: ['Joint'] });
  });

  it('refuses an empty file, a file with only some columns, and an unknown preset', async () => {
    setup();
    expect((await importCsv('')).errorMessages).toEqual(['transactions.csv: is empty: there is no header line']);
    expect((await importCsv('date,account,amount\n2016-01-01,B,5\n')).errorMessages).toEqual([
      'transactions.csv line 1: has no column "type" (the Tiltfolio preset needs it)',
      'transactions.csv line 1: has no column "currency" (the Tiltfolio preset needs it)',
    ]);
    const unknown = await backend.dispatch('csv:import', { fileName: 'a.csv', content: HEADER, preset: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /no preset named "nope"/ } });
  });

  const deposits = (count: number) =>
    Array.from({ length: count }, (_, i) => `2016-01-04,Brokerage,deposit,,,,,${i + 1},USD,`);

  /** Imports `rows` on a side connection, as the service does, aborting when `stopAt` says so. */
  async function importCancelling(
    rows: string[],
    batchRows: number,
    stopAt: (progress: CsvProgress) => boolean,
  ): Promise<ImportResult> {
    const dir = tempDir();
    backend = testBackend(dir);
    const side = openSideConnection(path.join(dir, 'tiltfolio.sqlite'));
    const controller = new AbortController();
    try {
      return await importTransactions(createImportWriter(side), {
        source: [csv(...rows)],
        fileName: 'big.csv',
        preset: tiltfolioPreset,
        today: '2026-01-02',
        now: '2026-01-02T00:00:00.000Z',
        batchRows,
        onProgress: (progress) => {
          if (stopAt(progress)) controller.abort();
        },
        signal: controller.signal,
      });
    } finally {
      side.close();
    }
  }

  it('rolls back and says so when the caller cancels between batches', async () => {
    const result = await importCancelling(deposits(3000), 500, () => true);
    expect(result).toMatchObject({ cancelled: true, committed: false, added: 0, accountsCreated: [] });
    expect(result.rows).toBeLessThan(3000);
    expect(await count()).toBe(0);
  });

  it('pauses its ledger check to report progress, and a cancel during the check rolls back', async () => {
    const checking: CsvProgress[] = [];
    const result = await importCancelling(deposits(45_000), 5_000, (progress) => {
      if (progress.phase !== 'checking' || progress.rowsTotal === undefined) return false;
      checking.push(progress);
      return true;
    });
    // Every row was read and written; the cancel came while the ledger was being replayed.
    expect(result).toMatchObject({ rows: 45_000, cancelled: true, committed: false, added: 0, errorCount: 0 });
    expect(checking).toHaveLength(1);
    expect(checking[0]).toMatchObject({ rowsDone: 20_000, rowsTotal: 45_000 });
    expect(await count()).toBe(0);
  });

  it('replays the ledger once when the stored rows were entered out of date order', async () => {
    const dir = tempDir();
    backend = testBackend(dir);
    // Entered 2017 first, then 2016: entry order is not date order.
    const later = Array.from({ length: 30_000 }, (_, i) => `2017-03-01,Brokerage,deposit,,,,,${i + 1},USD,`);
    expect(await importCsv(csv(...later))).toMatchObject({ committed: true, added: 30_000 });
    expect(await importCsv(csv(...deposits(30_000)))).toMatchObject({ committed: true, added: 30_000 });
    const side = openSideConnection(path.join(dir, 'tiltfolio.sqlite'));
    const replayed: number[] = [];
    try {
      const result = await importTransactions(createImportWriter(side), {
        source: [csv('2018-01-02,Brokerage,deposit,,,,,1,USD,', '2016-06-01,Brokerage,deposit,,,,,2,USD,')],
        fileName: 'more.csv',
        preset: tiltfolioPreset,
        today: '2026-01-02',
        now: '2026-01-02T00:00:00.000Z',
        onProgress: (progress) => {
          if (progress.phase === 'checking' && progress.rowsTotal !== undefined) replayed.push(progress.rowsDone);
        },
      });
      expect(result).toMatchObject({ committed: true, added: 2 });
    } finally {
      side.close();
    }
    // 60,002 records, a pause every 20,000 of one replay: 20,000, 40,000, 60,000, never back.
    expect(replayed).toEqual([20_000, 40_000, 60_000]);
    expect(await count()).toBe(60_002);
  });

  it('is cancelled through the API by its job id, and nothing is written', async () => {
    setup();
    const rows = deposits(30_000);
    let answer: unknown;
    backend.events.subscribe((name, payload) => {
      if (name !== 'csv:progress') return;
      if (answer === undefined && (payload as CsvProgress).jobId === 'big-one') {
        answer = 'pending';
        void backend.dispatch('csv:cancelImport', { jobId: 'big-one' }).then((reply) => (answer = reply));
      }
    });
    const result = await importCsv(csv(...rows), { jobId: 'big-one' });
    expect(result).toMatchObject({ cancelled: true, committed: false, added: 0 });
    expect(answer).toEqual({ ok: true, value: { cancelled: true } });
    expect(await count()).toBe(0);
    // Once it has finished there is nothing left to cancel.
    expect(await backend.dispatch('csv:cancelImport', { jobId: 'big-one' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('keeps the app connection answering and blind to the import until it commits', async () => {
    const dir = tempDir();
    backend = testBackend(dir);
    const rows = Array.from({ length: 5000 }, (_, i) => `2016-01-04,Brokerage,deposit,,,,,${i + 1},USD,`);
    const side = openSideConnection(path.join(dir, 'tiltfolio.sqlite'));
    const seenDuringImport: number[] = [];
    let turns = 0;
    let importing = true;
    const tick = () => {
      turns++;
      if (importing) setImmediate(tick);
    };
    setImmediate(tick);
    try {
      const result = await importTransactions(createImportWriter(side), {
        source: [csv(...rows)],
        fileName: 'big.csv',
        preset: tiltfolioPreset,
        today: '2026-01-02',
        now: '2026-01-02T00:00:00.000Z',
        batchRows: 500,
        onProgress: (progress) => {
          if (progress.phase === 'done') return;
          seenDuringImport.push(backend.db.prepare('SELECT count(*) AS n FROM transactions').pluck().get() as number);
        },
      });
      importing = false;
      expect(result).toMatchObject({ committed: true, added: 5000 });
    } finally {
      side.close();
    }
    expect(seenDuringImport.length).toBeGreaterThan(0);
    expect(seenDuringImport.every((n) => n === 0)).toBe(true);
    expect(turns).toBeGreaterThan(5);
    expect(await count()).toBe(5000);
  });
});
