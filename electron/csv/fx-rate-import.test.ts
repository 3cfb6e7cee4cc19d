// The transactions CSV's broker rate (issue 16): the optional last column fx_rate, and what the
// import says about rows in another currency than their account's that carry none.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/csv-schemas';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note,fx_rate';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

describe('the fx_rate column', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function importCsv(content: string, options: Record<string, unknown> = {}): Promise<ImportResult> {
    const result = await backend.dispatch('csv:import', { fileName: 'fx.csv', content, ...options });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ImportResult;
  }

  async function rows(): Promise<TransactionRow[]> {
    const result = await backend.dispatch('transactions:list', {});
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { rows: TransactionRow[] }).rows;
  }

  it('counts the rows without a broker rate per currency pair, in the dry run and the import', async () => {
    backend = testBackend(tempDir());
    const lines = [
      '2016-11-01,Depot,deposit,,,,,20000,EUR,,',
      '2016-11-01,Brokerage,deposit,,,,,20000,USD,,',
      '2016-11-01,Sterling,deposit,,,,,20000,GBP,,',
    ];
    // Twelve USD buys in the EUR account without a rate, one with; USD rows in the USD account
    // need none; two USD buys in the GBP account.
    for (let day = 1; day <= 12; day++) {
      lines.push(`2016-11-${String(day + 1).padStart(2, '0')},Depot,buy,JPM,1,70,,,USD,,`);
    }
    lines.push('2016-11-14,Depot,buy,JPM,10,78.47,1,,USD,,0.93150');
    lines.push('2016-11-14,Brokerage,buy,JPM,1,78,,,USD,,');
    lines.push('2016-11-15,Sterling,buy,JPM,1,78,,,USD,,', '2016-11-16,Sterling,dividend,JPM,,,,0.48,USD,,');
    const file = csv(...lines);

    const dry = await importCsv(file, { dryRun: true });
    expect(dry).toMatchObject({ committed: false, added: lines.length, errorCount: 0 });
    expect(dry.withoutFxRate).toEqual([
      { currency: 'USD', accountCurrency: 'EUR', rows: 12 },
      { currency: 'USD', accountCurrency: 'GBP', rows: 2 },
    ]);
    expect(dry.fxRateMessages).toEqual([
      "12 rows trade in USD in EUR accounts without a broker rate: the day's cached rate will be used.",
      "2 rows trade in USD in GBP accounts without a broker rate: the day's cached rate will be used.",
    ]);

    const done = await importCsv(file);
    expect(done.committed).toBe(true);
    expect(done.fxRateMessages[0]).toBe(
      "12 rows trade in USD in EUR accounts without a broker rate: the day's cached rate is used.",
    );
    const stored = await rows();
    expect(stored.filter((r) => r.fxRate !== null).map((r) => [r.account, r.date, r.fxRate])).toEqual([
      ['Depot', '2016-11-14', '0.93150'],
    ]);
  });

  it('says nothing when every foreign row has its rate, and nothing for a failed import', async () => {
    backend = testBackend(tempDir());
    const ok = await importCsv(
      csv('2016-11-01,Depot,deposit,,,,,20000,EUR,,', '2016-11-14,Depot,buy,JPM,10,78.47,1,,USD,,0.9315'),
      { dryRun: true },
    );
    expect(ok).toMatchObject({ errorCount: 0, withoutFxRate: [], fxRateMessages: [] });
    const bad = await importCsv(
      csv(
        '2016-11-01,Depot,deposit,,,,,20000,EUR,,',
        '2016-11-14,Depot,buy,JPM,10,78.47,1,,USD,,',
        '2016-11-15,Depot,buy,JPM,1,79,,,USD,,x',
      ),
    );
    expect(bad).toMatchObject({ committed: false, withoutFxRate: [], fxRateMessages: [] });
  });

  it('names file, line and column of a bad rate, and writes nothing', async () => {
    backend = testBackend(tempDir());
    const result = await importCsv(
      csv(
        '2016-11-01,Depot,deposit,,,,,20000,EUR,,',
        '2016-11-14,Depot,buy,JPM,10,78.47,1,,USD,,-0.93',
        '2016-11-15,Depot,buy,JPM,1,79,,,USD,,0',
        '2016-11-16,Depot,buy,JPM,1,79,,,USD,,1.0.5',
      ),
    );
    expect(result.committed).toBe(false);
    expect(result.errorMessages).toEqual([
      'fx.csv line 3, column fx_rate: "-0.93" is not accepted: write the exchange rate (fxRate) as a plain positive number, such as 1.0856.',
      'fx.csv line 4, column fx_rate: "0" is not accepted: the exchange rate (fxRate) must be more than zero.',
      'fx.csv line 5, column fx_rate: "1.0.5" is not a number (expected 1234.56)',
    ]);
    expect(await rows()).toEqual([]);
  });

  it('refuses a rate row that would create its account, since the account currency is unknown', async () => {
    backend = testBackend(tempDir());
    const result = await importCsv(csv('2016-11-14,Depot,buy,JPM,10,78.47,1,,USD,,0.9315'));
    expect(result.errorMessages).toEqual([
      'fx.csv line 2, column fx_rate: "0.9315" is a rate to the currency of account "Depot", which does not exist yet: create it with its currency first (or begin the file with a row in its currency)',
    ]);
    const accounts = await backend.dispatch('accounts:list', {});
    expect(accounts).toMatchObject({ ok: true, value: [] });
  });

  it('treats the same trade at another broker rate as a new row, at the same rate as a duplicate', async () => {
    backend = testBackend(tempDir());
    const deposit = '2016-11-01,Depot,deposit,,,,,20000,EUR,,';
    const trade = '2016-11-14,Depot,buy,JPM,10,78.47,1,,USD,,';
    await importCsv(csv(deposit, `${trade}0.9315`));
    const again = await importCsv(csv(deposit, `${trade}0.93150`, `${trade}0.94`));
    expect(again).toMatchObject({ committed: true, added: 1, duplicates: 2 });
    expect((await rows()).map((r) => r.fxRate)).toEqual([null, '0.9315', '0.94']);
  });
});
