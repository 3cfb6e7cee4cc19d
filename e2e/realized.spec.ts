import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppShell } from './support/app-shell';
import { expectNoAxeViolations } from './support/axe';
import { startHost, type StartedHost } from './support/web-host';

// The Realized gains screen on the demo with a sale added through the API, and the cost method
// chosen for one account in Settings changing which lots that sale used.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

interface Row {
  date: string;
  type: string;
  symbol: string | null;
  quantity: string | null;
  price: string | null;
  fee: string | null;
}

const usd = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD', signDisplay: 'exceptZero' });

test('a sale appears lot by lot in its tax year, and an account set to HIFO sells its dearest lot first', async ({
  page,
}, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  const call = async (name: string, data: unknown) => {
    const response = await page.request.post(`${host.origin}/api/call/${name}`, { data, headers: host.headers });
    const body = await response.json();
    expect(body.ok, JSON.stringify(body)).toBe(true);
    return body.value;
  };
  // MSFT in the demo's Brokerage: 150 bought 2012-06-04 and 50 on 2018-12-24. Sell 100 in 2019.
  await call('transactions:create', {
    date: '2019-02-01',
    account: 'Brokerage',
    type: 'sell',
    symbol: 'MSFT',
    quantity: '100',
    price: '102.78',
    fee: '1',
    currency: 'USD',
  });
  const page1 = await call('transactions:list', { account: 'Brokerage', limit: 500 });
  const buys = (page1.rows as Row[]).filter((r) => r.symbol === 'MSFT' && r.type === 'buy');
  const priceOn = (day: string) => Number(buys.find((b) => b.date === day)?.price);
  const feeOn = (day: string) => Number(buys.find((b) => b.date === day)?.fee ?? 0);
  const proceeds = 100 * 102.78 - 1;

  await app.go('Realized gains');
  await expect(page.getByLabel('Tax year')).toHaveValue('2019');
  const table = page.getByTestId('realized-table');
  // FIFO (the app's default): 100 of the 150 bought in 2012, held for years: long term.
  const fifoCost = ((150 * priceOn('2012-06-04') + feeOn('2012-06-04')) * 100) / 150;
  const fifo = table.locator('tbody tr').filter({ hasText: 'MSFT' });
  await expect(fifo).toHaveCount(1);
  await expect(fifo).toContainText('Jun 4, 2012');
  await expect(fifo).toContainText('Long');
  await expect(fifo.locator('td').nth(6)).toHaveText(usd(proceeds - fifoCost));
  await page.screenshot({ path: info.outputPath('realized-fifo.png'), fullPage: true });

  // The other years are a pick away: 2016 has the demo's GS sale.
  await page.getByLabel('Tax year').selectOption('2016');
  await expect(table.locator('tbody tr').filter({ hasText: 'GS' })).toHaveCount(1);
  await page.getByLabel('Tax year').selectOption('2019');

  // Brokerage under highest cost first: the 2018 lot (dearer a share) goes first, short term.
  await app.go('Settings');
  await page.getByLabel('Brokerage', { exact: true }).selectOption('hifo');
  await app.go('Realized gains');
  const rows = table.locator('tbody tr').filter({ hasText: 'MSFT' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Dec 24, 2018');
  await expect(rows.nth(0)).toContainText('Short');
  await expect(rows.nth(1)).toContainText('Long');
  const totals = page.getByTestId('realized-totals');
  const shortGain = proceeds / 2 - (50 * priceOn('2018-12-24') + feeOn('2018-12-24'));
  await expect(
    totals
      .getByRole('row', { name: /Brokerage/ })
      .locator('td')
      .nth(0),
  ).toHaveText(usd(shortGain));
  await page.screenshot({ path: info.outputPath('realized-hifo.png'), fullPage: true });
  await expectNoAxeViolations(page);
});
