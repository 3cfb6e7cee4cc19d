import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppShell, money } from './support/app-shell';
import { expectNoAxeViolations } from './support/axe';
import { layoutFaults } from './support/layout-check';
import { startHost, type StartedHost } from './support/web-host';

// The Income screen over the demo portfolio and SPY's real 2018 distributions (per share, on their
// ex-dates) on the 85 SPY the demo's IRA holds (issue 19, "Income").
test.use({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

const SPY_2018 = [
  { date: '2018-03-16', perShare: 1.097 },
  { date: '2018-06-15', perShare: 1.246 },
  { date: '2018-09-21', perShare: 1.323 },
  { date: '2018-12-21', perShare: 1.435 },
];

test('income: totals, the last 12 months, yield on cost and the estimate, by month, holding and sleeve', async ({
  page,
}) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  const call = async (name: string, data: unknown) =>
    (
      (await (await page.request.post(`${host.origin}/api/call/${name}`, { data, headers: host.headers })).json()) as {
        value: unknown;
      }
    ).value;
  // In cents, so that the test's own sums are exact. Percentages show one decimal: compared to 0.05.
  const cents = SPY_2018.map((d) => Math.round(d.perShare * 85 * 100));
  for (const [i, d] of SPY_2018.entries()) {
    await call('transactions:create', {
      date: d.date,
      account: 'Retirement (IRA)',
      type: 'dividend',
      symbol: 'SPY',
      amount: ((cents[i] as number) / 100).toFixed(2),
      // The last one with tax withheld, as its fee.
      ...(i === 3 ? { fee: '3.00' } : {}),
      currency: 'USD',
    });
  }
  const holdings = (await call('portfolio:holdings', {})) as {
    rows: { account: string; symbol: string; costBasisBase: string }[];
  };
  const ttm = cents.reduce((a, b) => a + b, 0) / 100;
  const spyCost = Number(
    holdings.rows.find((r) => r.account === 'Retirement (IRA)' && r.symbol === 'SPY')?.costBasisBase,
  );
  const allCost = holdings.rows.reduce((sum, r) => sum + Number(r.costBasisBase), 0);

  await app.go('Income');
  // The demo's own: JPM $36 (2013), AAPL $65.10 (2017), SPY $67.40 (2015); interest $18.75 (2014).
  await expect(page.getByTestId('income-dividends')).toHaveText('$' + (36 + 65.1 + 67.4 + ttm).toFixed(2));
  await expect(page.getByTestId('income-interest')).toHaveText('$18.75');
  await expect(page.getByTestId('income-taxes')).toHaveText('$3.00');
  await expect(page.getByTestId('income-ttm')).toHaveText(`$${ttm.toFixed(2)}`);
  expect(money(await page.getByTestId('income-yoc').innerText())).toBeCloseTo((ttm / allCost) * 100, 1);
  await expect(page.getByText('Next 12 months (estimate)')).toBeVisible();
  await expect(page.getByTestId('income-forward')).toHaveText(`$${ttm.toFixed(2)}`);

  const spy = page.getByTestId('income-holding-SPY');
  const cells = spy.getByRole('cell');
  await expect(cells.nth(3)).toHaveText(`$${ttm.toFixed(2)}`);
  expect(money(await cells.nth(4).innerText())).toBeCloseTo((ttm / spyCost) * 100, 1);
  await expect(cells.nth(5)).toHaveText(`$${ttm.toFixed(2)}`);
  await expect(page.getByTestId('income-by-sleeve')).toBeVisible();
  await expect(page.getByTestId('income-bar-2018-12')).toBeAttached();

  // The range bounds the sums, not the last 12 months.
  await page.getByLabel('From', { exact: true }).fill('2018-01-01');
  await expect(page.getByTestId('income-dividends')).toHaveText(`$${ttm.toFixed(2)}`);
  await expect(page.getByTestId('income-interest')).toHaveText('$0.00');
  await page.getByLabel('From', { exact: true }).fill('');
  await expect(page.getByTestId('income-interest')).toHaveText('$18.75');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const faults = await layoutFaults(page);
    expect(faults.pageOverflow).toBeNull();
    expect(faults.ellipsisedFigures).toEqual([]);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath(`income-1280x800-${scheme}.png`), fullPage: true });
  }
});
