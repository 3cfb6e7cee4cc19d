// Portfolio Performance rows in another currency than their account (a EUR account trading a
// USD stock): imported in the security's currency with PP's exchange rate as the broker rate.
// Fixtures: test-fixtures/portfolio-performance/*-forex.csv (SOURCES.md there).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/csv-schemas';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import type { Backend } from '../backend/backend';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const fixture = (name: string) => path.join(import.meta.dirname, 'test-fixtures', 'portfolio-performance', name);

describe("Portfolio Performance's exchange rates", () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  const call = <T>(name: string, input: unknown) => callOk<T>(backend, name, input);
  const open = async () => {
    backend = testBackend(tempDir(), { mode: 'cli' });
    await call('accounts:create', { name: 'Depot', currency: 'EUR' });
  };
  const importFile = (file: string, preset: string) =>
    call<ImportResult>('csv:importFile', { path: fixture(file), preset, account: 'Depot' });
  const rows = async () => (await call<{ rows: TransactionRow[] }>('transactions:list', {})).rows;
  const trades = async () =>
    (await rows()).map((r) => [r.date, r.type, r.currency, r.quantity, r.price, r.amount, r.fee, r.fxRate ?? null]);

  // By hand, from the English securities account export:
  // Buy: 784.70 USD for 10 shares is 78.47 each; 784.70 × 0.9315 = 730.94805, PP's 730.95 EUR
  // gross (735.95 − 5.00 fees) to the cent, so the rate is taken as written; the fee is
  // 5.00 ÷ 0.9315 = 5.36768652710…, 5.3676865271 USD.
  // Sell: 360.00 USD for 4 is 90 each; PP booked 313.29 + 2.00 + 12.00 = 327.29 EUR gross, but
  // 360 × 0.9091 = 327.2760, 1.4 cents off: the rate is 327.29 ÷ 360 = 0.90913888…, 0.9091388889;
  // fees and taxes 14.00 ÷ 0.9091388889 = 15.39918726…, 15.3991872649 USD.
  const buy = ['2016-11-14', 'buy', 'USD', '10', '78.47', null, '5.3676865271', '0.9315'];
  const sell = ['2016-12-01', 'sell', 'USD', '4', '90', null, '15.3991872649', '0.9091388889'];

  it('reads the English securities account export in USD with the broker rate', async () => {
    await open();
    const result = await importFile('securities-account-0.86-en-forex.csv', 'portfolio-performance');
    expect(result).toMatchObject({ committed: true, added: 2, errorCount: 0, fxRateMessages: [] });
    expect(await trades()).toEqual([buy, sell]);
  });

  it('reads the German account export (Kauf as the trade, Dividende) and matches the same buy', async () => {
    await open();
    await importFile('securities-account-0.86-en-forex.csv', 'portfolio-performance');
    const result = await importFile('account-0.86-de-forex.csv', 'portfolio-performance-de');
    // The Kauf is the English file's Buy: same fee to 10 places, same rate, so a duplicate.
    expect(result).toMatchObject({ committed: true, added: 2, duplicates: 1, errorCount: 0 });
    // Dividende: 11,18 EUR net + 1,86 taxes = 13,04 EUR gross; 14,00 USD × 0,9315 = 13,041: the
    // rate as written. Amount 14 USD; the taxes 1.86 ÷ 0.9315 = 1.99677938807…, 1.9967793881 USD.
    expect(await trades()).toEqual([
      ['2016-11-01', 'deposit', 'EUR', null, null, '1000.00', null, null],
      buy,
      sell,
      ['2017-01-31', 'dividend', 'USD', null, null, '14', '1.9967793881', '0.9315'],
    ]);
  });

  it('refuses a rate that the row’s own amounts contradict, naming line and column', async () => {
    await open();
    const content = fs
      .readFileSync(fixture('securities-account-0.86-en-forex.csv'), 'utf8')
      .replace(',0.9091,', ',0.9500,');
    const result = await call<ImportResult>('csv:import', {
      fileName: 'pp.csv',
      content,
      preset: 'portfolio-performance',
      account: 'Depot',
    });
    expect(result.committed).toBe(false);
    expect(result.errorMessages).toEqual([
      'pp.csv line 3, column Exchange Rate: "0.9500" does not agree with the row\'s amounts: 327.29 EUR for 360 USD is 0.9091388889',
    ]);
  });
});
