// Wealthfolio's import template files and its activities export (test-fixtures/wealthfolio/
// SOURCES.md) through the real import into an empty database: holdings, cash and realized P&L
// against a reading of each file by hand, with Wealthfolio's rules for each type.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvPreview, ImportResult } from '../../shared/api/csv-schemas';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from '../backend/backend';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const fixture = (name: string) => path.join(import.meta.dirname, 'test-fixtures', 'wealthfolio', name);
const text = (name: string) => fs.readFileSync(fixture(name), 'utf8');

describe("Wealthfolio's files", () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  const call = <T>(name: string, input: unknown) => callOk<T>(backend, name, input);
  const fresh = () => (backend = testBackend(tempDir(), { mode: 'cli' }));
  const importText = (fileName: string, content: string, account: string | null = 'Wealth') =>
    call<ImportResult>('csv:import', { fileName, content, preset: 'wealthfolio', ...(account ? { account } : {}) });
  const holdings = () => call<HoldingsOutput>('portfolio:holdings', {});
  const positions = (view: HoldingsOutput) =>
    view.rows
      .map((r) => [r.symbol, r.currency, r.quantity, r.costBasis, r.realizedPl, r.dividends])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const cash = (view: HoldingsOutput) =>
    view.cash.map((c) => [c.currency, c.balance]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it.each(['sample-import.csv', 'happy-path-import.csv', 'semicolon-delimiter.csv', 'activities-export.csv'])(
    'the preview suggests the Wealthfolio preset for %s',
    async (file) => {
      fresh();
      const preview = await call<CsvPreview>('csv:preview', { content: text(file) });
      expect(preview.suggestedPreset).toBe('wealthfolio');
      expect(preview.problem).toBeNull();
    },
  );

  it("still suggests Tiltfolio's own preset for Tiltfolio's export, which Wealthfolio's aliases also cover", async () => {
    fresh();
    const content =
      'date,account,type,symbol,quantity,price,fee,amount,currency,note\n2024-01-02,A,deposit,,,,,10,USD,\n';
    expect((await call<CsvPreview>('csv:preview', { content })).suggestedPreset).toBe('tiltfolio');
    // Also with the fx_rate column, a header name Wealthfolio's aliases share.
    const withRate =
      'date,account,type,symbol,quantity,price,fee,amount,currency,note,fx_rate\n2024-01-02,A,deposit,,,,,10,USD,,\n';
    expect((await call<CsvPreview>('csv:preview', { content: withRate })).suggestedPreset).toBe('tiltfolio');
  });

  it('names the public sample’s SPLIT row with 13 fields under 12 headers, and imports nothing', async () => {
    fresh();
    const result = await importText('sample-import.csv', text('sample-import.csv'));
    expect(result).toMatchObject({ committed: false, added: 0 });
    expect(result.errorMessages).toEqual([
      'sample-import.csv line 11: has 13 fields; the header has 12: one delimiter too many (or a value holding the delimiter is not in quotes), so the values after it are under the wrong columns',
    ]);
    expect(await holdings()).toMatchObject({ rows: [], cash: [] });
  });

  it('reads the public sample’s template (type, unit_price, …) without its broken SPLIT row', async () => {
    fresh();
    const lines = text('sample-import.csv').split('\n');
    expect(lines[10]).toMatch(/^2024-05-15,SPLIT,/);
    const result = await importText('sample-import.csv', lines.filter((_, i) => i !== 10).join('\n'));
    // 13 rows; the DRIP dividend of VTI is two transactions.
    expect(result).toMatchObject({ committed: true, added: 14 });
    expect(result.preview.map((r) => [r.type, r.symbol, r.amount, r.fee, r.note]).slice(8)).toEqual([
      ['transfer_in', 'GOOGL', null, null, 'Transfer from other account'],
      ['tax', null, '150.00', null, 'Withholding tax'],
      ['interest', null, '50.00', null, 'Credit: Rebate credit'],
      ['buy', 'TD.TO', null, '9.99', 'Canadian stock purchase'],
      ['dividend', 'VTI', '62.5', null, 'Vanguard dividend'],
      ['buy', 'VTI', null, null, 'Vanguard dividend'],
    ]);
    // By hand. AAPL: 10 at 185.50 + 4.95 = 1,859.95; 5 sold at 192 − 4.95 = 955.05 against half
    // the cost, 929.975: realized 25.075; dividend 10 × 0.24 = 2.40. MSFT: 5 at 380 + 4.95.
    // GOOGL: 2 transferred in at 140. TD.TO: 20 at 85 + 9.99 = 1,709.99 CAD. VTI (DRIP): a
    // dividend of 50 × 1.25 = 62.50 buys 50 shares at 1.25.
    // USD cash: −1,859.95 − 1,904.95 + 2.40 + 955.05 + 5,000 − 1,000 + 12.50 − 25 (fee) − 150 (tax)
    // + 50 (credit) + 62.50 − 62.50 = 1,080.05. The TD.TO buy (1,709.99 CAD) is settled in the
    // account's USD at its row's broker rate, 1.36 USD per CAD (docs/csv.md, fx_rate):
    // 1,709.99 × 1.36 = 2,325.5864, so the one cash balance is 1,080.05 − 2,325.5864 = −1,245.5364.
    const view = await holdings();
    expect(positions(view)).toEqual([
      ['AAPL', 'USD', '5', '929.975', '25.075', '2.4'],
      ['GOOGL', 'USD', '2', '280', '0', '0'],
      ['MSFT', 'USD', '5', '1904.95', '0', '0'],
      ['TD.TO', 'CAD', '20', '1709.99', '0', '0'],
      ['VTI', 'USD', '50', '62.5', '0', '62.5'],
    ]);
    expect(cash(view)).toEqual([['USD', '-1245.5364']]);
  });

  it.each(['happy-path-import.csv', 'semicolon-delimiter.csv'])(
    'reads the template of sample-csv.ts (activityType, unitPrice, DRIP, fxRate) in %s',
    async (file) => {
      fresh();
      const result = await importText(file, text(file));
      expect(result).toMatchObject({ committed: true, added: 12 });
      // The file's one fxRate (line 12, TD.TO bought in CAD) is the row's broker rate, as written;
      // every other row has none. The account (USD, from the first row) then needs no cached rate
      // for the CAD buy, so the import names none.
      expect(result.preview.map((r) => [r.symbol, r.currency, r.fxRate ?? null]).filter((r) => r[2] !== null)).toEqual([
        ['TD.TO', 'CAD', '1.36'],
      ]);
      expect(result.fxRateMessages).toEqual([]);
      // By hand. MSFT: 10 at 380.50 + 4.95 = 3,809.95; 5 sold at 410 − 4.95 = 2,045.05 against
      // 1,904.975: realized 140.075. AAPL: 5 at 185.25 + 4.95 = 931.20; 2 sold at 175 − 4.95 =
      // 345.05 against 372.48: realized −27.43. VOO: 3 at 450, and 1 more at 1.50 from the DRIP.
      // USD cash: −3,809.95 − 931.20 + 0.75 + 1,000 + 345.05 − 1,350 − 500 + 1.50 − 1.50 + 2,045.05
      // + 12.50 = −3,187.80; TD.TO: 10 at 85 + 9.99 = 859.99 CAD, settled in the account's USD at
      // its broker rate 1.36: 1,169.5864, so the one cash balance is −3,187.80 − 1,169.5864 = −4,357.3864.
      const view = await holdings();
      expect(positions(view)).toEqual([
        ['AAPL', 'USD', '3', '558.72', '-27.43', '0'],
        ['MSFT', 'USD', '5', '1904.975', '140.075', '0.75'],
        ['TD.TO', 'CAD', '10', '859.99', '0', '0'],
        ['VOO', 'USD', '4', '1351.5', '0', '1.5'],
      ]);
      expect(cash(view)).toEqual([['USD', '-4357.3864']]);
      expect(view.totals.realizedPl).toBe('112.645');
    },
  );

  it('reads the export: JSON-quoted cells, assetSymbol and accountName, only POSTED rows', async () => {
    fresh();
    const preview = await call<CsvPreview>('csv:preview', { content: text('activities-export.csv') });
    const comment = preview.header.indexOf('comment');
    expect(preview.rows[2]?.[comment]).toBe('Sold "half"\nrebalancing');

    const result = await importText('activities-export.csv', text('activities-export.csv'), null);
    expect(result).toMatchObject({ committed: true, added: 7, skipped: 1, accountsCreated: ['Brokerage'] });
    expect(result.skippedMessages).toEqual([
      'activities-export.csv: 1 row left out (first on line 5): a VOID activity; Wealthfolio counts only POSTED ones',
    ]);
    expect(result.preview.map((r) => [r.date, r.type, r.symbol, r.note])).toEqual([
      ['2024-06-15', 'tax', null, 'Withholding tax on the May dividend'],
      ['2024-05-10', 'dividend', 'MSFT', 'Reinvested'],
      ['2024-05-10', 'buy', 'MSFT', 'Reinvested'],
      ['2024-04-01', 'sell', 'MSFT', 'Sold "half"\nrebalancing'],
      ['2024-02-15', 'dividend', 'MSFT', ''],
      ['2024-01-16', 'buy', 'MSFT', 'First buy'],
      ['2024-01-15', 'deposit', null, 'Opening deposit'],
    ]);
    // By hand: 5,000 in; 8 MSFT at 390.25 + 4.95 = 3,126.95; a dividend of 6; 4 sold at 410 − 1.50 =
    // 1,638.50 against half the cost, 1,563.475: realized 75.025; a DRIP of 105 buys 0.25 at 420;
    // a tax of 15. Cash 5,000 − 3,126.95 + 6 + 1,638.50 + 105 − 105 − 15 = 3,502.55. The void buy
    // of AAPL is not there.
    const view = await holdings();
    expect(positions(view)).toEqual([['MSFT', 'USD', '4.25', '1668.475', '75.025', '111']]);
    expect(cash(view)).toEqual([['USD', '3502.55']]);
  });

  it('names the line of an export row that is not JSON-quoted', async () => {
    fresh();
    const [header, first] = text('activities-export.csv').split('\n');
    const broken = `${header}\n${first}\n"a","b",c\n`;
    const result = await importText('broken.csv', broken);
    expect(result.errorMessages).toEqual([
      'broken.csv line 3: is not written like the header line (every cell a JSON string in double quotes, as Wealthfolio exports)',
    ]);
  });

  it('adds a tax column to the fee of its row (Tiltfolio has no tax type yet)', async () => {
    fresh();
    const content = [
      'date,type,symbol,quantity,unit_price,currency,fee,tax,amount',
      '2024-01-02,BUY,ABC,10,100,USD,1,0.50,',
      '2024-02-01,DIVIDEND,ABC,,,USD,,3,20',
    ].join('\n');
    const result = await importText('tax.csv', content);
    expect(result.preview.map((r) => [r.type, r.fee, r.amount])).toEqual([
      ['buy', '1.5', null],
      ['dividend', '3', '20'],
    ]);
    // Cost 1,000 + 1 + 0.50; the dividend brings 20 − 3. Cash −1,001.50 + 17 = −984.50.
    const view = await holdings();
    expect(positions(view)).toEqual([['ABC', 'USD', '10', '1001.5', '0', '20']]);
    expect(cash(view)).toEqual([['USD', '-984.5']]);
  });
});
