import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { CsvPage } from './support/csv-page';
import { startHost, type StartedHost } from './support/web-host';

const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note';
const GOOD = `${HEADER}\n2016-01-04,Brokerage,deposit,,,,,1000,USD,"first, with a comma"\n2016-01-05,Brokerage,buy,AAPL,5,100.50,1,,USD,\n`;

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test('a file is previewed, checked, imported once, and exported back unchanged', async ({ page }) => {
  const csv = new CsvPage(page);
  await csv.open(host.url);
  await csv.choose('mine.csv', GOOD);
  await expect(csv.layout).toHaveValue('tiltfolio');
  await expect(page.getByRole('cell', { name: 'first, with a comma' })).toBeVisible();

  await csv.dryRun.click();
  await expect(csv.status).toContainText('Would add 2 of 2 rows');
  await expect(csv.status).toContainText('New accounts: Brokerage. Nothing was written.');

  await csv.importButton.click();
  await expect(csv.status).toContainText('Added 2 of 2 rows; 0 already there were skipped.');
  await csv.importButton.click();
  await expect(csv.status).toContainText('Added 0 of 2 rows; 2 already there were skipped.');

  const download = page.waitForEvent('download');
  await csv.exportButton.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('tiltfolio-transactions.csv');
  const exported = fs.readFileSync(await file.path(), 'utf8');
  expect(exported).toBe(GOOD.replaceAll('\n', '\r\n'));
});

test('a bad file lists every problem by line and column and writes nothing', async ({ page }) => {
  const csv = new CsvPage(page);
  await csv.open(host.url);
  await csv.choose(
    'bad.csv',
    `${HEADER}\n2016-02-30,B,deposit,,,,,1,USD,\n2016-01-05,B,deposit,,,,,1.234,USD,\n2016-01-06,B,deposit,,,,,abc,USD,\n`,
  );
  await csv.importButton.click();
  await expect(csv.problems).toContainText('Nothing was imported: 2 problems.');
  await expect(csv.problems).toContainText('bad.csv line 2, column date: "2016-02-30" is not a calendar date');
  await expect(csv.problems).toContainText('bad.csv line 4, column amount: "abc" is not a number (expected 1234.56)');
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('empty-portfolio')).toBeVisible();
});

test('a file from another app gets its preset, or a column mapping', async ({ page }, info) => {
  const csv = new CsvPage(page);
  await csv.open(host.url);
  await csv.choose(
    'ghost.csv',
    'Date,Code,DataSource,Currency,Price,Quantity,Action,Fee,Note\n16-09-2021,MSFT,YAHOO,USD,298.58,5,buy,19,\n',
  );
  await expect(csv.layout).toHaveValue('ghostfolio');
  await csv.account.fill('Ghost');
  await csv.importButton.click();
  await expect(csv.status).toContainText('Added 1 of 1 rows');

  await csv.choose('bank.csv', 'Buchungstag;Vorgang;Betrag\n31.12.2016;Einlage;1.234,56\n');
  await expect(csv.layout).toHaveValue('');
  await expect(csv.importButton).toBeDisabled();
  await page.getByLabel('type *').selectOption('Vorgang');
  await page.getByLabel('date *').selectOption('Buchungstag');
  await page.getByLabel('amount').selectOption('Betrag');
  await page.getByLabel('Currency of every row').fill('EUR');
  await page.getByLabel('Dates').selectOption('DD.MM.YYYY');
  await page.getByLabel('Numbers').selectOption('1.234,56');
  await csv.account.fill('Bank');
  await page.screenshot({ path: info.outputPath('csv-mapping.png'), fullPage: true });
  await csv.importButton.click();
  await expect(csv.status).toContainText('Added 1 of 1 rows');
});
