import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppShell } from './support/app-shell';
import { expectNoAxeViolations } from './support/axe';
import { startHost, type StartedHost } from './support/web-host';

// The Data health screen and the dashboard's link to it, on the demo and with problems planted
// through the same API the app uses.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test('the demo has no data problems: no link on the dashboard, and the screen says so', async ({ page }, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  await expect(page.getByRole('status', { name: 'Data health' })).toHaveCount(0);
  await app.go('Data health');
  await expect(page.getByRole('heading', { name: 'No problems found' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('health-demo.png'), fullPage: true });
  await expectNoAxeViolations(page);
});

test('planted problems: the dashboard counts them and links to the list, which says what each affects and how to fix it', async ({
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
  // A holding without prices, a typed price on another scale, a gap, a benchmark and a holding that stop early.
  await call('transactions:create', {
    date: '2018-03-01',
    account: 'Brokerage',
    type: 'buy',
    symbol: 'ZZZ',
    quantity: '10',
    price: '12.5',
    currency: 'USD',
  });
  const [aapl] = await call('quotes:history', { symbol: 'AAPL', from: '2018-06-01', to: '2018-06-01' });
  await call('quotes:setManualPrice', { symbol: 'AAPL', day: '2018-06-01', close: aapl.close * 20 });
  await call('quotes:delete', { symbol: 'MSFT', from: '2018-07-01', to: '2018-07-31' });
  await call('quotes:delete', { symbol: 'SPY', from: '2019-01-01' });
  await call('quotes:delete', { symbol: 'GS', from: '2019-01-15' });
  const report = await call('health:check', {});
  const count = report.problems.length;
  expect(report.summary.map((s: { kind: string }) => s.kind)).toEqual([
    'no_prices',
    'scale_jump',
    'series_ends_early',
    'stale_prices',
    'price_gap',
  ]);

  await app.go('Dashboard');
  const link = page.getByRole('link', { name: `${count} data problems: see Data health` });
  await expect(link).toBeVisible();
  await page.screenshot({ path: info.outputPath('health-dashboard-link.png') });
  await link.click();
  await expect(app.heading('Data health')).toBeVisible();
  await expect(page.getByRole('heading', { name: `${count} problems found` })).toBeVisible();
  for (const summary of await page.locator('details.health-kind > summary').all()) await summary.click();
  await expect(page.getByText('ZZZ is held but has no prices in the cache.')).toBeVisible();
  await expect(
    page.getByText(
      /AAPL: .* \(file, 2018-06-01\) beside .* \(manual, 2018-06-01\), a 1:20 ratio: two downloads on different split scales\./,
    ),
  ).toBeVisible();
  await expect(
    page.getByText('The benchmark SPY ends on 2018-12-31; the portfolio is valued to 2019-02-22.'),
  ).toBeVisible();
  await expect(page.getByText(/^Fix:/).first()).toBeVisible();
  await page.screenshot({ path: info.outputPath('health-panel.png'), fullPage: true });
  await expectNoAxeViolations(page);
});
