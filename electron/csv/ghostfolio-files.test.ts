// Ghostfolio's own CSV test files (test-fixtures/ghostfolio/SOURCES.md) through the real import
// into an empty database: holdings, cash and realized P&L against a reading of each file by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CsvPreview, ImportResult } from '../../shared/api/csv-schemas';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { Backend } from '../backend/backend';
import { callOk, testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const fixture = (name: string) => path.join(import.meta.dirname, 'test-fixtures', 'ghostfolio', name);
const text = (name: string) => fs.readFileSync(fixture(name), 'utf8');
/** The file without one line (1-based, as the error names it). */
const withoutLine = (content: string, line: number) =>
  content
    .split('\n')
    .filter((_, i) => i !== line - 1)
    .join('\n');

const FAR_FUTURE_REFUSED =
  'is zero; a buy needs a quantity (Ghostfolio files use a zero-quantity buy, often dated in the future, to follow a symbol without holding it; Tiltfolio records only trades, so delete the line)';

describe("Ghostfolio's own CSV files", () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  const call = <T>(name: string, input: unknown) => callOk<T>(backend, name, input);
  const fresh = () => (backend = testBackend(tempDir(), { mode: 'cli' }));
  const importFile = (file: string, account = 'Ghost') =>
    call<ImportResult>('csv:importFile', { path: fixture(file), preset: 'ghostfolio', account });
  /** `account` null: the file's account column names the account. */
  const importText = (fileName: string, content: string, account: string | null = 'Ghost') =>
    call<ImportResult>('csv:import', { fileName, content, preset: 'ghostfolio', ...(account ? { account } : {}) });
  const holdings = () => call<HoldingsOutput>('portfolio:holdings', {});
  const positions = (view: HoldingsOutput) =>
    view.rows.map((r) => [r.account, r.symbol, r.quantity, r.costBasis, r.realizedPl, r.dividends]);
  const cash = (view: HoldingsOutput) => view.cash.map((c) => [c.account, c.currency, c.balance]);

  it.each([
    'sample.csv',
    'penthouse-apartment.csv',
    'btcusd.csv',
    'ok-2023-10.csv',
    'sample-account-and-sell.csv',
    'invalid-multi-line.csv',
  ])('the preview suggests the Ghostfolio preset for %s', async (file) => {
    fresh();
    const preview = await call<CsvPreview>('csv:preview', { content: text(file) });
    expect(preview.suggestedPreset).toBe('ghostfolio');
  });

  it("suggests the Interactive Brokers preset for Ghostfolio's IBKR sample, an IBKR Flex trades query", async () => {
    fresh();
    const preview = await call<CsvPreview>('csv:preview', { content: text('vti-buy-on-ibkr.csv') });
    expect(preview.suggestedPreset).toBe('ibkr-flex-trades');
  });

  // By hand, sample.csv without its line 6: a fee of 49; 5 MSFT at 298.580 + 19 fee = 1,511.90;
  // a dividend of 0.62 × 5 = 3.10; the flat bought for 500,000 (its Code is a name: MANUAL).
  // Cash −49 − 1,511.90 + 3.10 − 500,000 = −501,557.80 (nothing was deposited).
  const sampleHoldings = [
    ['Ghost', 'MSFT', '5', '1511.9', '0', '3.1'],
    ['Ghost', 'PENTHOUSE-APARTMENT', '1', '500000', '0', '0'],
  ];
  const sampleCash = [['Ghost', 'USD', '-501557.8']];

  it('refuses sample.csv on its zero-quantity buy of 2050, by line, and imports the rest', async () => {
    fresh();
    const refused = await importFile('sample.csv');
    expect(refused).toMatchObject({ committed: false, added: 0 });
    expect(refused.errorMessages).toEqual([`sample.csv line 6, column Quantity: "0" ${FAR_FUTURE_REFUSED}`]);
    expect((await holdings()).rows).toEqual([]);

    const result = await importText('sample.csv', withoutLine(text('sample.csv'), 6));
    expect(result).toMatchObject({ committed: true, added: 4 });
    expect(result.preview.map((r) => [r.date, r.type, r.symbol, r.amount, r.note])).toEqual([
      ['2021-09-01', 'fee', null, '49', 'Account Opening Fee'],
      ['2021-09-16', 'buy', 'MSFT', null, 'My first order 🤓'],
      ['2021-11-17', 'dividend', 'MSFT', '3.1', ''],
      ['2022-01-01', 'buy', 'PENTHOUSE-APARTMENT', null, 'Penthouse Apartment'],
    ]);
    const view = await holdings();
    expect(positions(view)).toEqual(sampleHoldings);
    expect(cash(view)).toEqual(sampleCash);
  });

  it('reads the 2023 ok.csv, whose rows leave off the empty Note, and its item row, as sample.csv', async () => {
    fresh();
    const refused = await importFile('ok-2023-10.csv');
    // Lines 4 to 6 have 8 fields under 9 headers: only the 2050 row is refused, for its quantity.
    expect(refused.errorMessages).toEqual([`ok-2023-10.csv line 6, column Quantity: "0" ${FAR_FUTURE_REFUSED}`]);
    const result = await importText('ok-2023-10.csv', withoutLine(text('ok-2023-10.csv'), 6));
    expect(result).toMatchObject({ committed: true, added: 4 });
    const view = await holdings();
    expect(positions(view)).toEqual(sampleHoldings);
    expect(cash(view)).toEqual(sampleCash);
  });

  it('reads the branch sample with an AccountId column and a sale: realized P&L by hand', async () => {
    fresh();
    const content = withoutLine(text('sample-account-and-sell.csv'), 7);
    // No account chosen: the AccountId (Ghostfolio's id of the account) names it.
    const result = await importText('sample-account-and-sell.csv', content, null);
    const account = '01234567-89ab-cdef-0123-456789abcdef';
    expect(result).toMatchObject({ committed: true, added: 5, accountsCreated: [account] });
    // Buy 5 at 300.760 + 19 = 1,522.80; sell 5 at 339.280 − 19.77 = 1,676.63: realized 153.83.
    // Cash −49 − 1,522.80 + 3.10 + 1,676.63 − 500,000 = −499,892.07.
    const view = await holdings();
    expect(positions(view)).toEqual([[account, 'PENTHOUSE-APARTMENT', '1', '500000', '0', '0']]);
    expect(view.totals.realizedPl).toBe('153.83');
    expect(cash(view)).toEqual([[account, 'USD', '-499892.07']]);
  });

  it('imports the one-row ok files: a flat, bitcoin, and an Interactive Brokers flex row', async () => {
    fresh();
    expect(await importFile('penthouse-apartment.csv', 'Flat')).toMatchObject({ committed: true, added: 1 });
    expect(await importFile('btcusd.csv', 'Crypto')).toMatchObject({ committed: true, added: 1 });
    const ibkr = await importFile('vti-buy-on-ibkr.csv', 'IBKR');
    expect(ibkr).toMatchObject({ committed: true, added: 1 });
    // TradeDate 20230403 (yyyyMMdd), Buy/Sell BUY, IBCommission −1 (the sign dropped).
    expect(ibkr.preview[0]).toMatchObject({ date: '2023-04-03', type: 'buy', fee: '1' });
    const view = await holdings();
    // IBKR's own NetCash for the trade is −3,474.9041: 17 × 204.3473 = 3,473.9041, plus 1.
    expect(positions(view)).toEqual([
      ['Crypto', 'BTCUSD', '1', '44558.42', '0', '0'],
      ['Flat', 'PENTHOUSE-APARTMENT', '1', '500000', '0', '0'],
      ['IBKR', 'VTI', '17', '3474.9041', '0', '0'],
    ]);
    expect(cash(view)).toEqual([
      ['Crypto', 'USD', '-44558.42'],
      ['Flat', 'USD', '-500000'],
      ['IBKR', 'USD', '-3474.9041'],
    ]);
  });

  it('refuses the not-ok file with every bad row named, and imports nothing', async () => {
    fresh();
    const result = await importFile('invalid-multi-line.csv');
    expect(result.errorMessages).toEqual([
      'invalid-multi-line.csv line 4, column Action: "<invalid>" is not a known type (expected one of buy, sell, dividend, fee, interest)',
      `invalid-multi-line.csv line 5, column Quantity: "0" ${FAR_FUTURE_REFUSED}`,
    ]);
    expect(await holdings()).toMatchObject({ rows: [], cash: [] });
  });

  it('reads every date layout Ghostfolio reads, and still refuses a row with too many fields', async () => {
    fresh();
    const header = 'Date,Code,Currency,Price,Quantity,Action,Fee';
    const rows = ['2021/09/16', '2021.09.17', '20210918', '2021-09-19T23:30:00.000Z', '20-09-2021', '21.09.2021'];
    const content = [header, ...rows.map((date) => `${date},MSFT,USD,300,1,buy,0`)].join('\n');
    const result = await importText('dates.csv', content);
    expect(result.preview.map((r) => [r.date, r.time])).toEqual([
      ['2021-09-16', null],
      ['2021-09-17', null],
      ['2021-09-18', null],
      ['2021-09-19', '23:30'],
      ['2021-09-20', null],
      ['2021-09-21', null],
    ]);
    const long = await importText('long.csv', `${header}\n2021-09-16,MSFT,USD,300,1,buy,0,extra`);
    expect(long.errorMessages).toEqual([
      'long.csv line 2: has 8 fields; the header has 7: one delimiter too many (or a value holding the delimiter is not in quotes), so the values after it are under the wrong columns',
    ]);
  });
});
