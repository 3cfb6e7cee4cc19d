// Portfolio Performance's two exports (an account's and a securities account's), in the files PP
// writes (test-fixtures/portfolio-performance/SOURCES.md), imported in either order into one
// account: each trade is booked once, and holdings and cash match a reading of the files by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvPreview, ImportResult } from '../../shared/api/csv-schemas';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from '../backend/backend';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const fixture = (name: string) => path.join(import.meta.dirname, 'test-fixtures', 'portfolio-performance', name);

describe("Portfolio Performance's exports", () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  const call = <T>(name: string, input: unknown) => callOk<T>(backend, name, input);
  const importFile = (file: string, preset: string, account = 'Broker') =>
    call<ImportResult>('csv:importFile', { path: fixture(file), preset, account });
  const holdings = () => call<HoldingsOutput>('portfolio:holdings', {});
  const exported = () => call<{ content: string }>('csv:export', { kind: 'transactions' });

  // Read off the files by hand. Cash: 5,000 deposit − 1,509.90 buy + 9.00 dividend (10 less 1 tax)
  // + 1,990.10 sale − 500 withdrawal − 100 cash transfer out; the delivery and the security
  // transfer move no cash. MSFT: 30 bought for 1,509.90 with the fee, 20 sold FIFO, so 10 left
  // at a third of the cost, and the sale realised 1,990.10 − 1,006.60. AAPL: 10 delivered in at
  // 1,200.00, 5 transferred out, so 5 left at 600.00.
  const expected = {
    cash: '4889.2',
    msft: { quantity: '10', costBasis: '503.3', realizedPl: '983.5' },
    aapl: { quantity: '5', costBasis: '600' },
  };

  function expectPortfolio(view: HoldingsOutput) {
    expect(view.cash.map((c) => [c.account, c.currency, c.balance])).toEqual([['Broker', 'USD', expected.cash]]);
    const bySymbol = new Map(view.rows.map((r) => [r.symbol, r]));
    expect(bySymbol.get('MSFT')).toMatchObject(expected.msft);
    expect(bySymbol.get('AAPL')).toMatchObject(expected.aapl);
    expect(view.rows).toHaveLength(2);
  }

  it('books each trade once from PP 0.78+ exports, in either order, to the same ledger', async () => {
    backend = testBackend(tempDir(), { mode: 'cli' });
    const first = await importFile('securities-account-0.86-en.csv', 'portfolio-performance');
    const second = await importFile('account-0.86-en.csv', 'portfolio-performance');
    expect(first).toMatchObject({ committed: true, added: 4, duplicates: 0, skipped: 0 });
    // The account export's Buy and Sell are the same trades: matched, not booked again.
    expect(second).toMatchObject({ committed: true, added: 4, duplicates: 2, skipped: 0 });
    expectPortfolio(await holdings());
    const securitiesFirst = (await exported()).content;
    backend.close();

    backend = testBackend(tempDir(), { mode: 'cli' });
    const accountFirst = await importFile('account-0.86-en.csv', 'portfolio-performance');
    const then = await importFile('securities-account-0.86-en.csv', 'portfolio-performance');
    expect(accountFirst).toMatchObject({ committed: true, added: 6, duplicates: 0 });
    expect(then).toMatchObject({ committed: true, added: 2, duplicates: 2 });
    expectPortfolio(await holdings());
    expect((await exported()).content).toBe(securitiesFirst);
  });

  it('leaves out the cash side of trades from an export older than PP 0.78, and says so', async () => {
    for (const order of [
      ['account-0.77-en.csv', 'securities-account-0.86-en.csv'],
      ['securities-account-0.86-en.csv', 'account-0.77-en.csv'],
    ]) {
      backend = testBackend(tempDir(), { mode: 'cli' });
      const results = [];
      for (const file of order) results.push(await importFile(file, 'portfolio-performance'));
      const account = results[order.indexOf('account-0.77-en.csv')];
      // Deposit, dividend, Removal (PP's old word for a withdrawal) and the cash transfer are booked.
      expect(account).toMatchObject({ committed: true, added: 4, skipped: 2, duplicates: 0 });
      expect(account?.skippedMessages).toEqual([
        expect.stringMatching(
          /^account-0\.77-en\.csv: 2 rows left out \(first on line 3\): the cash side of a trade \(a Buy or Sell in PP's account export, without the trade's fees and shares\); import PP's securities account export/,
        ),
      ]);
      expectPortfolio(await holdings());
      backend.close();
    }
  });

  it('moves the lots with their cost in a security transfer between two securities accounts', async () => {
    backend = testBackend(tempDir(), { mode: 'cli' });
    await importFile('securities-account-0.86-en.csv', 'portfolio-performance');
    await importFile('account-0.86-en.csv', 'portfolio-performance');
    const inbound = await importFile(
      'securities-account-0.86-de-transfer-in.csv',
      'portfolio-performance-de',
      'Second',
    );
    expect(inbound).toMatchObject({ committed: true, added: 1 });
    expect(inbound.preview[0]).toMatchObject({ type: 'transfer_in', symbol: 'AAPL', quantity: '5' });
    const view = await holdings();
    const second = view.rows.find((r) => r.account === 'Second');
    // The five shares arrive with the cost they left with (1,200.00 ÷ 2), not the 575.00 PP booked
    // as the transfer's value; the cash of neither account moves.
    expect(second).toMatchObject({ symbol: 'AAPL', quantity: '5', costBasis: '600' });
    expect(view.cash.find((c) => c.account === 'Broker')?.balance).toBe(expected.cash);
    expect(view.cash.find((c) => c.account === 'Second')?.balance ?? '0').toMatch(/^0(\.0+)?$/);
  });

  it.each([
    ['fr', 'portfolio-performance-fr'],
    ['es', 'portfolio-performance-es'],
    ['it', 'portfolio-performance-it'],
    ['nl', 'portfolio-performance-nl'],
  ])(
    'reads the %s export: headers, type names and numbers, and the preview suggests its preset',
    async (lang, preset) => {
      backend = testBackend(tempDir(), { mode: 'cli' });
      const file = `account-0.86-${lang}.csv`;
      const preview = await call<CsvPreview>('csv:preview', { content: fs.readFileSync(fixture(file), 'utf8') });
      expect(preview.suggestedPreset).toBe(preset);
      const result = await importFile(file, preset);
      expect(result).toMatchObject({ committed: true, added: 4, skipped: 0 });
      const view = await holdings();
      // 5,000 − 1,509.90 + 9.00 − 500; 30 BASF at 1,509.90 with the fee.
      expect(view.cash.map((c) => [c.currency, c.balance])).toEqual([['EUR', '2999.1']]);
      expect(view.rows.map((r) => [r.symbol, r.quantity, r.costBasis])).toEqual([['BAS.DE', '30', '1509.9']]);
    },
  );
});
