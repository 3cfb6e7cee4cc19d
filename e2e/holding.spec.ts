import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AppShell, money } from './support/app-shell';
import { expectNoAxeViolations } from './support/axe';
import { layoutFaults } from './support/layout-check';
import { closeOn, signed } from './support/quote-files';
import { startHost, type StartedHost } from './support/web-host';

// A holding's page, opened from its symbol on the Holdings screen (demo portfolio): its figures
// against a calculation here from the records and closes the API gives, the axe scan, and how it
// looks at 1280×800 in light and dark.
test.use({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** "+12.3%" → 12.3. */
const percent = (text: string) => Number(text.replace(/[^0-9.-]/g, ''));

test('MSFT’s page from the holdings table: shares, value, return, lots, trades and health', async ({ page }, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  const call = async (name: string, data: unknown) => {
    const response = await page.request.post(`${host.origin}/api/call/${name}`, { data, headers: host.headers });
    const body = await response.json();
    expect(body.ok, JSON.stringify(body)).toBe(true);
    return body.value;
  };
  // MSFT in the demo: bought twice in Brokerage, never sold, no dividends.
  const records: { type: string; quantity: string; price: string; fee: string | null; date: string }[] = (
    await call('transactions:list', { symbol: 'MSFT', account: 'Brokerage' })
  ).rows;
  expect(records.map((r) => r.type)).toEqual(['buy', 'buy']);
  const shares = records.reduce((n, r) => n + Number(r.quantity), 0);
  const paid = records.reduce((n, r) => n + Number(r.quantity) * Number(r.price) + Number(r.fee ?? 0), 0);
  const holdings = await call('portfolio:holdings', {});
  const bars: { day: string; close: number }[] = await call('quotes:history', {
    symbol: 'MSFT',
    from: '2000-01-01',
    to: holdings.asOf,
  });
  const close = (bars.at(-1) as { close: number }).close;
  const value = shares * close;
  const expectedReturn = ((value - paid) / paid) * 100;

  await app.go('Holdings');
  const row = page.getByTestId('holding-Brokerage-MSFT');
  await expect(row).toBeVisible();
  expect(percent(await row.locator('[data-col="return"]').innerText())).toBeCloseTo(expectedReturn, 1);
  await row.getByRole('link', { name: 'MSFT' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'MSFT · Microsoft Corporation in Brokerage' }),
  ).toBeVisible();
  await expect(app.nav.getByRole('link', { name: 'Holdings' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('holding-quantity')).toHaveText(String(shares));
  expect(money(await page.getByTestId('holding-value').innerText())).toBeCloseTo(value, 2);
  expect(money(await page.getByTestId('holding-cost').innerText())).toBeCloseTo(paid, 2);
  expect(money(await page.getByTestId('holding-unrealized').innerText())).toBeCloseTo(value - paid, 2);
  expect(percent(await page.getByTestId('return-Brokerage').innerText())).toBeCloseTo(expectedReturn, 1);
  // Two purchases, two FIFO lots, oldest first; the trades newest first.
  await expect(page.getByTestId('holding-cost-method')).toContainText('FIFO');
  const lots = page.getByTestId('holding-lots').locator('tbody tr');
  await expect(lots).toHaveCount(2);
  await expect(lots.first()).toContainText('Jun 4, 2012');
  const trades = page.getByTestId('holding-transactions').locator('tbody tr');
  await expect(trades).toHaveCount(2);
  await expect(trades.first()).toContainText('Dec 24, 2018');
  await expect(page.getByTestId('holding-health')).toContainText('No problems found in MSFT');
  // The whole history, every close of it: fitting ten years into the chart is not taken for a zoom.
  await expect(
    page.getByRole('img', { name: 'MSFT daily closes, Dec 31, 2008 – Feb 22, 2019, with 2 buys and 0 sells marked' }),
  ).toBeVisible();
  await expect(page.getByTestId('holding-span')).toHaveText('Dec 31, 2008 – Feb 22, 2019');
  await expect(page).toHaveURL(/#\/holding\/MSFT\?account=Brokerage$/);
  await expect(page.getByRole('img', { name: /Relative strength of MSFT against SPY and XLK/ })).toBeVisible();

  await expectNoAxeViolations(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled(page);
    const faults = await layoutFaults(page);
    expect.soft(faults.pageOverflow).toBeNull();
    expect.soft(faults.ellipsisedFigures).toEqual([]);
    await page.screenshot({ path: info.outputPath(`holding-1280x800-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('GS’s page lists the lot its sale closed, with the gain worked out from the records', async ({ page }) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  const response = await page.request.post(`${host.origin}/api/call/transactions:list`, {
    data: { symbol: 'GS', account: 'Brokerage', dir: 'asc' },
    headers: host.headers,
  });
  const records: { type: string; quantity: string; price: string; fee: string | null }[] = (await response.json()).value
    .rows;
  // The demo buys GS once and sells part of it once (FIFO: the sale takes from that one lot).
  const buy = records.find((r) => r.type === 'buy');
  const sell = records.find((r) => r.type === 'sell');
  expect(buy && sell).toBeTruthy();
  const sold = Number(sell?.quantity);
  const cost = ((Number(buy?.quantity) * Number(buy?.price) + Number(buy?.fee ?? 0)) * sold) / Number(buy?.quantity);
  const proceeds = sold * Number(sell?.price) - Number(sell?.fee ?? 0);

  await app.go('Holdings');
  await page.getByTestId('holding-Brokerage-GS').getByRole('link', { name: 'GS' }).click();
  const closed = page.getByTestId('holding-closed-lots');
  await expect(closed).toBeVisible();
  const cells = closed.locator('tbody tr').first().locator('td');
  await expect(cells.nth(3)).toHaveText(String(sold));
  // Shown to the cent: within half a cent of the exact figure (1,367.475 shows as 1,367.48).
  const toCent = async (cell: number, exact: number) =>
    expect(Math.abs(money(await cells.nth(cell).innerText()) - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
  await toCent(4, proceeds);
  await toCent(5, cost);
  await toCent(6, proceeds - cost);
  await expectNoAxeViolations(page);
});

test('a window on MSFT’s page: its figures, kept in the hash beside the account, restored after a reload', async ({
  page,
}, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  await app.go('Holdings');
  await page.getByTestId('holding-Brokerage-MSFT').getByRole('link', { name: 'MSFT' }).click();
  await expect(page).toHaveURL(/#\/holding\/MSFT\?account=Brokerage$/);
  const windowForm = page.getByRole('form', { name: 'From–to window' });
  await windowForm.getByLabel('From', { exact: true }).fill('2016-10-31');
  await windowForm.getByLabel('To', { exact: true }).fill('2016-11-14');
  await windowForm.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/#\/holding\/MSFT\?account=Brokerage&from=2016-10-31&to=2016-11-14$/);

  // The figures beside the chart, worked out here from the CSV files: MSFT's move over the two
  // weeks, and against SPY (the benchmark) and XLK (its sleeve's index).
  const change = (symbol: string) => closeOn(symbol, '2016-11-14') / closeOn(symbol, '2016-10-31');
  const expectWindow = async () => {
    await expect(page.getByTestId('holding-span')).toHaveText('Oct 31 – Nov 14, 2016');
    await expect(page.getByTestId('holding-window-change')).toHaveText(signed((change('MSFT') - 1) * 100));
    await expect(page.getByTestId('holding-window-vs-SPY')).toHaveText(
      signed((change('MSFT') / change('SPY') - 1) * 100),
    );
    await expect(page.getByTestId('holding-window-vs-XLK')).toHaveText(
      signed((change('MSFT') / change('XLK') - 1) * 100),
    );
    await expect(
      page.getByRole('img', { name: /MSFT daily closes, Oct 31 – Nov 14, 2016, with 0 buys/ }),
    ).toBeVisible();
  };
  await expectWindow();
  await expect(page.getByText('100 on the window’s first common day (Oct 31 – Nov 14, 2016)')).toBeVisible();

  // A restart (here: a reload) brings back both the account and the window.
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'MSFT · Microsoft Corporation in Brokerage' }),
  ).toBeVisible();
  await expectWindow();
  await expect(windowForm.getByLabel('From', { exact: true })).toHaveValue('2016-10-31');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled(page);
    await page.screenshot({ path: info.outputPath(`holding-window-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoAxeViolations(page);

  // Moving between accounts keeps the window.
  await page.getByRole('link', { name: 'All accounts' }).click();
  await expect(page).toHaveURL(/#\/holding\/MSFT\?from=2016-10-31&to=2016-11-14$/);
  await expect(page.getByRole('heading', { level: 1, name: 'MSFT · Microsoft Corporation' })).toBeVisible();
  await expectWindow();
  await page.getByTestId('holding-positions').getByRole('link', { name: 'Brokerage' }).click();
  await expect(page).toHaveURL(/#\/holding\/MSFT\?from=2016-10-31&to=2016-11-14&account=Brokerage$/);
  await expectWindow();

  // A preset replaces the days and keeps the account.
  await page.getByRole('radio', { name: '1Y' }).check();
  await expect(page).toHaveURL(/#\/holding\/MSFT\?account=Brokerage&range=1Y$/);
  await expect(page.getByTestId('holding-span')).not.toHaveText('Oct 31 – Nov 14, 2016');
});
