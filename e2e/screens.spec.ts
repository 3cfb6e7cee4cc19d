import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startFakeQuoteServer, type FakeQuoteServer } from '../electron/quotes/test-support/fake-quote-server';
import { AppShell, money } from './support/app-shell';
import { expectNoAxeViolations } from './support/axe';
import { DashboardPage, DataPage, HoldingsPage, RotationPage, SettingsPage } from './support/screen-pages';
import { startHost, type StartedHost } from './support/web-host';

// Every test starts its own host on a fresh data folder; figures are asserted in en-US.
test.use({ locale: 'en-US', timezoneId: 'UTC' });

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

async function withDemo(page: Page): Promise<AppShell> {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  return app;
}

test('a fresh install says what to do next on every screen', async ({ page }) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await expect(page.getByRole('button', { name: 'Load demo portfolio' })).toBeVisible();
  await expectNoAxeViolations(page);
  await app.go('Holdings');
  await expect(page.getByRole('heading', { name: 'No holdings yet' })).toBeVisible();
  await expectNoAxeViolations(page);
  await app.go('Rotation');
  await expect(page.getByText('No prices are cached yet.')).toBeVisible();
  await expectNoAxeViolations(page);
  await app.go('Import & export');
  await expect(page.getByText('No prices cached yet.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the demo portfolio fills the dashboard: value, returns, chart against the benchmark, tilt', async ({ page }) => {
  await withDemo(page);
  const dashboard = new DashboardPage(page);
  const holdings = await (
    await page.request.post(`${host.origin}/api/call/portfolio:holdings`, { data: {}, headers: host.headers })
  ).json();
  expect(money(await dashboard.totalValue.innerText())).toBeCloseTo(Number(holdings.value.totals.total), 2);
  await expect(dashboard.twr).toHaveText(/^[+-]\d+\.\d%$/);
  await expect(dashboard.xirr).toHaveText(/^[+-]\d+\.\d%$/);
  await expect(page.getByText(/^a year; [+-]\d+\.\d% over the period$/)).toBeVisible();
  await expect(dashboard.benchmarkReturn).toHaveText(/^[+-]\d+\.\d%$/);
  await expect(dashboard.valueChart.locator('canvas').first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('SPY');

  // A longer period asks the engine again.
  const oneYear = await dashboard.twr.innerText();
  await dashboard.period('All').check();
  await expect(dashboard.twr).not.toHaveText(oneYear);

  // Four sleeves against the benchmark and the demo's target, leaning visibly.
  await expect(dashboard.tilt.getByRole('row')).toHaveCount(5);
  await expect(dashboard.tiltRow('large_cap_tech')).toContainText('overweight');
  await expect(dashboard.tiltRow('other')).toContainText('underweight');
  await expectNoAxeViolations(page);
});

test('holdings: market value is quantity × the cached close shown; sort and filter by account', async ({ page }) => {
  const app = await withDemo(page);
  await app.go('Holdings');
  const holdings = new HoldingsPage(page);
  const nflx = await holdings.cells('Brokerage', 'NFLX');
  // The close shown is the cache's last close for NFLX…
  const history = await (
    await page.request.post(`${host.origin}/api/call/quotes:history`, {
      data: { symbol: 'NFLX' },
      headers: host.headers,
    })
  ).json();
  const last = history.value.at(-1);
  expect(nflx.exactClose).toBe(last.close);
  expect(money(nflx.priceText)).toBeCloseTo(last.close, 2);
  // …and the value is the quantity times it, to the cent.
  expect(money(nflx.value)).toBeCloseTo(Math.round(nflx.quantity * last.close * 100) / 100, 2);
  await expect(holdings.row('Brokerage', 'NFLX')).toContainText('Feb 22, 2019');

  await holdings.sortBy('Symbol').click();
  await expect(page.getByRole('columnheader', { name: 'Symbol' })).toHaveAttribute('aria-sort', 'ascending');
  const techRows = page.locator('tbody tr[data-testid^="holding-"]');
  await expect(techRows.first()).toHaveAttribute('data-testid', 'holding-Brokerage-AAPL');

  await holdings.account.selectOption('Retirement (IRA)');
  await expect(page.getByText(/^2 positions valued on/)).toBeVisible();
  await expect(holdings.row('Retirement (IRA)', 'SPY')).toBeVisible();
  await expect(holdings.row('Brokerage', 'NFLX')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('holdings: "Include closed" lists a position sold in full with its realized P&L and dividends', async ({
  page,
}) => {
  const app = await withDemo(page);
  const call = async (name: string, data: object) => {
    const response = await page.request.post(`${host.origin}/api/call/${name}`, { data, headers: host.headers });
    expect(response.ok()).toBe(true);
    return (await response.json()).value;
  };
  const before = await call('portfolio:holdings', {});
  const base = { account: 'Brokerage', symbol: 'XLK', currency: 'USD' };
  await call('transactions:create', {
    ...base,
    date: '2017-01-03',
    type: 'buy',
    quantity: '10',
    price: '60',
    fee: '1',
  });
  await call('transactions:create', { ...base, date: '2017-06-20', type: 'dividend', amount: '4.5' });
  await call('transactions:create', {
    ...base,
    date: '2018-01-03',
    type: 'sell',
    quantity: '10',
    price: '70.25',
    fee: '1',
  });
  // Sold 10 × 70.25 − 1 = 701.50 against a cost of 10 × 60 + 1 = 601: 100.50 realized, and 4.50 of dividends.
  const realized = 10 * 70.25 - 1 - (10 * 60 + 1);

  await app.go('Holdings');
  const holdings = new HoldingsPage(page);
  await expect(holdings.row('Brokerage', 'XLK')).toHaveCount(0);
  // The figures follow the API's writes once the change event has refetched them: poll, not one read.
  await expect
    .poll(async () => money(await page.getByTestId('holdings-realized').innerText()))
    .toBeCloseTo(Number(before.totals.realizedPl) + realized, 2);
  await expect
    .poll(async () => money(await page.getByTestId('holdings-dividends').innerText()))
    .toBeCloseTo(Number(before.totals.dividends) + 4.5, 2);
  await page.getByRole('checkbox', { name: 'Include closed' }).check();
  const row = page.getByTestId('closed-Brokerage-XLK');
  await expect(row).toBeVisible();
  const cells = await row.locator('td').allInnerTexts();
  expect(cells.slice(1).map(money)).toEqual([realized, 4.5, realized + 4.5]);
  await expectNoAxeViolations(page);
});

test('transactions still list the ledger, filtered', async ({ page }) => {
  const app = await withDemo(page);
  await app.go('Transactions');
  await expect(page.getByText(/^27 of 27 transactions$/)).toBeVisible();
  await page.getByLabel('Account').selectOption('Retirement (IRA)');
  await expect(page.getByText(/^\d+ of \d+ transactions$/)).not.toHaveText('27 of 27 transactions');
  await expectNoAxeViolations(page);
});

test('transactions: newest first, sorted and filtered by the backend a page at a time, delete and undo', async ({
  page,
}) => {
  const app = await withDemo(page);
  // The whole ledger, oldest first, for the figures the table must show (27 rows: one page).
  const answer = await page.request.post(`${host.origin}/api/call/transactions:list`, {
    data: { dir: 'asc' },
    headers: host.headers,
  });
  const all = ((await answer.json()) as { value: { rows: { id: number; date: string; amount: string | null }[] } })
    .value.rows;
  expect(all).toHaveLength(27);
  await app.go('Transactions');
  await expect(page.getByText(/^27 of 27 transactions$/)).toBeVisible();
  const rows = page.locator('table.tx-table tbody tr[data-testid]');
  const shownIds = async () =>
    (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')))).map((t) => Number(t?.slice(3)));
  // Newest first: latest date, then highest id (the rows on screen; the rest are virtualised away).
  const newest = [...all].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.id - a.id));
  await expect.poll(async () => (await shownIds()).slice(0, 12)).toEqual(newest.slice(0, 12).map((r) => r.id));

  // Amount, smallest first, blanks last.
  await page.getByRole('button', { name: 'Amount' }).click();
  await expect(page.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'ascending');
  const withAmount = all.filter((r) => r.amount !== null).sort((a, b) => Number(a.amount) - Number(b.amount));
  await expect.poll(async () => (await shownIds())[0]).toBe(withAmount[0]?.id);

  // A date range: the count is what falls in it.
  const days = [...new Set(all.map((r) => r.date))].sort();
  const from = days[3] as string;
  const to = days[10] as string;
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  const inRange = all.filter((r) => r.date >= from && r.date <= to).length;
  await expect(page.getByText(new RegExp(`^${inRange} of 27 transactions$`))).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('transactions-table.png') });

  // Delete and undo still work on a paged table.
  const victim = (await shownIds())[0] as number;
  // Named as the row reads ("Delete the buy of 150 MSFT on Jun 4, 2012"), never by its id.
  const victimRow = page.getByTestId(`tx-${victim}`);
  const deleteName = (await victimRow.getByRole('button', { name: /^Delete the / }).getAttribute('aria-label')) ?? '';
  expect(deleteName).toContain(await victimRow.locator('td').first().innerText());
  await victimRow.getByRole('button', { name: /^Delete the / }).click();
  await expect(page.getByText(new RegExp(`^${inRange - 1} of 26 transactions$`))).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(new RegExp(`^${inRange} of 27 transactions$`))).toBeVisible();
  const described = deleteName.replace(/^Delete /, '');
  await page.getByRole('button', { name: `Edit ${described}` }).click();
  await expect(page.getByRole('form', { name: `Edit ${described}` })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('rotation: RS chart with the engine’s figures, presets, and the rotation graph', async ({ page }) => {
  const app = await withDemo(page);
  await app.go('Rotation');
  const rotation = new RotationPage(page);
  await expect(rotation.pairHeading('RUT against SPY')).toBeVisible();
  const series = await (
    await page.request.post(`${host.origin}/api/call/rotation:series`, {
      headers: host.headers,
      data: {
        subject: { kind: 'symbol', symbol: 'RUT' },
        vs: { kind: 'symbol', symbol: 'SPY' },
        years: 5,
        average: 50,
      },
    })
  ).json();
  const change = series.value.stats.changePct as number;
  await expect(rotation.stat('since-change')).toHaveText(`${change > 0 ? '+' : ''}${change.toFixed(1)}%`);
  await expect(rotation.stat('max-drawdown')).toHaveText(`${series.value.maxDrawdown.pct.toFixed(1)}%`);
  // 5Y counts back from the pair's last common close (2019-02-22); 2014-02-22 is a Saturday.
  await expect(page.getByTestId('rotation-span')).toHaveText('Feb 24, 2014 – Feb 22, 2019');
  await expect(page.getByTestId('rotation-trend')).toHaveText(/^(gaining on|losing ground to) SPY since /);
  await expect(page.getByRole('img', { name: /RUT from .* relative strength against SPY/ })).toBeVisible();

  await rotation.preset('Portfolio vs benchmark').click();
  await expect(rotation.pairHeading('Your portfolio against SPY')).toBeVisible();
  await expect(rotation.stat('since-change')).toHaveText(/^[+-]\d+\.\d%$/);

  await rotation.preset('Financials vs tech').click();
  await expect(rotation.pairHeading('XLF against XLK')).toBeVisible();
  await expect(page.getByLabel('Chart', { exact: true })).toHaveValue('symbol:XLF');
  await expect(page.getByTestId('rotation-span')).toHaveText(/ – Jan 31, 2018$/);

  for (const quadrant of ['Leading', 'Weakening', 'Lagging', 'Improving'])
    await expect(rotation.rrg.getByText(quadrant, { exact: true })).toBeVisible();
  await expect(rotation.rrg.locator('g.rrg-member')).not.toHaveCount(0);
  await page.getByText('Members by quadrant').click();
  await expect(rotation.rrgTable.getByRole('rowheader').first()).toBeVisible();
  await page.getByRole('radio', { name: 'Holdings' }).check();
  await expect(rotation.rrg.getByTestId('rrg-NFLX')).toBeVisible();
  // SPY is held, but it is the benchmark: never plotted against itself.
  await expect(rotation.rrg.getByTestId('rrg-SPY')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe('quotes', () => {
  let server: FakeQuoteServer;
  test.beforeEach(async () => {
    server = await startFakeQuoteServer({ fixturesDir: path.resolve('electron/quotes/test-fixtures') });
  });
  test.afterEach(async () => {
    await server.close();
  });

  test('refresh shows each symbol’s progress against a stub provider, and can be cancelled', async ({ page }) => {
    const app = await withDemo(page);
    await app.go('Settings');
    const settings = new SettingsPage(page);
    await settings.yahooUrl().fill(server.baseUrl);
    await settings.saveQuotes().click();
    await expect(page.getByText('Saved the quote settings.')).toBeVisible();

    await app.go('Import & export');
    const data = new DataPage(page);
    await data.row('AAPL').getByRole('button', { name: 'Refresh AAPL' }).click();
    await expect(data.row('AAPL')).toContainText('Updated');
    await expect(page.getByRole('main').getByText('Refreshed 1 of 1 symbol.')).toBeVisible();

    // A provider that never answers: the job runs until it is cancelled.
    server.setFault('*', { fault: 'hang' });
    await data.refreshAll.click();
    await expect(data.overall).toBeVisible();
    await expect(app.refreshWidget.getByRole('progressbar')).toBeVisible();
    await expect(page.locator('.row-progress.state-running').first()).toBeVisible();
    await data.cancel.click();
    await expect(page.getByRole('main').getByText(/^Refresh cancelled after \d+ of 14 symbols\.$/)).toBeVisible();
    await expect(data.refreshAll).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('after a refresh where every symbol failed, the sidebar says so, the log shows why, and old figures say their age', async ({
    page,
  }, testInfo) => {
    const app = await withDemo(page);
    await app.go('Settings');
    const settings = new SettingsPage(page);
    await settings.yahooUrl().fill(server.baseUrl);
    await settings.saveQuotes().click();
    await expect(page.getByText('Saved the quote settings.')).toBeVisible();

    await app.go('Import & export');
    const data = new DataPage(page);
    await data.row('AAPL').getByRole('button', { name: 'Refresh AAPL' }).click();
    await expect(data.row('AAPL')).toContainText('Updated');
    await expect(page.getByTestId('refresh-status')).toHaveText(/: 1 of 1 updated\. See the refresh log$/);
    await expect(app.connection).toHaveText(/^Online/);

    // A provider that knows no symbol: every one fails at once, without retries.
    server.setFault('*', 'unknown');
    await data.refreshAll.click();
    const status = page.getByTestId('refresh-status');
    await expect(status).toHaveText(
      /^Last refresh .+: 0 of 14 updated, 14 failed\. Last successful refresh: .+ \(AAPL\)\. See the refresh log$/,
    );
    await expect(app.connection).toHaveText(/^Refresh failing/);
    await expect(app.connection).not.toContainText('can reach');
    await expect(data.row('SPY')).toContainText('Failed');
    await expect(data.row('SPY').getByRole('progressbar')).toHaveCount(0);
    await page.getByText('Refresh log', { exact: true }).click();
    await expect(
      page
        .getByTestId('refresh-log')
        .getByRole('row', { name: /SPY.*Failed/ })
        .first(),
    ).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Main' })
      .screenshot({ path: testInfo.outputPath('sidebar-failed.png') });
    await page.screenshot({ path: testInfo.outputPath('refresh-log.png'), fullPage: true });
    await expectNoAxeViolations(page);

    await app.go('Dashboard');
    const holdings = await (
      await page.request.post(`${host.origin}/api/call/portfolio:holdings`, { data: {}, headers: host.headers })
    ).json();
    const asOf = new Date(`${holdings.value.asOf}T00:00:00Z`);
    const years = Math.floor((Date.now() - asOf.getTime()) / 86_400_000 / 365);
    const day = asOf.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    expect(years).toBeGreaterThan(0);
    await expect(page.getByTestId('day-change').locator('xpath=following-sibling::dd')).toHaveText(
      new RegExp(`; as of ${day} — ${years} years? old$`),
    );
    await page.screenshot({ path: testInfo.outputPath('dashboard-stale.png') });
  });

  test('a quotes CSV imports from a file picker, and offline mode says so plainly', async ({ page }) => {
    const app = await withDemo(page);
    await app.go('Import & export');
    const data = new DataPage(page);
    await data.file.setInputFiles({
      name: 'VTI.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Date,Open,High,Low,Close,Adj Close,Volume\n2019-02-20,144,145,143,144.5,144.5,100\n2019-02-21,144,145,143,143.9,143.9,100\n2019-02-22,144,145,143,145.1,145.1,100\n',
      ),
    });
    await data.importButton.click();
    await expect(page.getByText('Imported 3 daily closes for VTI.')).toBeVisible();
    await expect(data.row('VTI')).toContainText('File');
    await expect(data.row('VTI')).toContainText('Feb 22, 2019');

    await app.go('Settings');
    const settings = new SettingsPage(page);
    await settings.offline().check();
    await settings.saveQuotes().click();
    await expect(app.connection).toHaveText(/^Offline/);
    await app.go('Import & export');
    await data.refreshAll.click();
    await expect(
      page
        .getByRole('main')
        .getByRole('status')
        .filter({ hasText: /offline/i }),
    ).toBeVisible();
  });
});

test('several price files import in one go, a Tiltfolio export among them, each with its own result', async ({
  page,
}, info) => {
  const app = await withDemo(page);
  await app.go('Import & export');
  const data = new DataPage(page);
  const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await data.file.setInputFiles([
    csv('VTI.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2019-02-21,144,145,143,144.5,144.5,100\n'),
    csv('broken.csv', 'Date,Open,High,Low,Close,Adj Close,Volume\n2019-02-21,1,1,1,n/a,1,1\n'),
    csv(
      'tiltfolio-quotes.csv',
      'symbol,date,source,open,high,low,close,adj_close,volume,fetched_at\r\n' +
        'QQQ,2019-02-21,yahoo,,,,170.5,168.25,,2019-02-22T08:00:00.000Z\r\n' +
        'ZZZ,2019-02-21,file,,,,12,,,2019-02-22T08:00:00.000Z\r\n' +
        'ZZZ,2019-02-22,file,,,,12.5,,,2019-02-22T08:00:00.000Z\r\n',
    ),
  ]);
  await data.importButton.click();
  const outcomes = page.getByRole('list', { name: 'Files imported' });
  await expect(outcomes.getByRole('listitem')).toHaveText([
    'VTI.csv: Imported 1 daily close for VTI.',
    'broken.csv: Not imported: broken.csv line 2, column Close: "n/a" is not a number',
    'tiltfolio-quotes.csv: Imported 3 daily closes for QQQ (1), ZZZ (2).',
  ]);
  await expect(page.getByText('2 of 3 files imported; nothing was written from the other.')).toBeVisible();
  await expect(data.row('ZZZ')).toContainText('Feb 22, 2019');
  await page
    .getByRole('form', { name: 'Import prices from a file' })
    .screenshot({ path: info.outputPath('quotes-several-files.png') });
  await expectNoAxeViolations(page);
});

test('settings: the theme applies at once, sleeve overrides move the tilt', async ({ page }) => {
  const app = await withDemo(page);
  const dashboard = new DashboardPage(page);
  const otherWeight = () => dashboard.tiltRow('other').getByRole('cell').nth(1).innerText();
  const before = Number.parseFloat(await otherWeight());
  await app.go('Settings');
  const settings = new SettingsPage(page);
  // The setting wins over the OS either way: each colour is light-dark(), chosen by color-scheme.
  const html = page.locator('html');
  await page.emulateMedia({ colorScheme: 'light' });
  await settings.theme('Dark').check();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveCSS('background-color', 'rgb(20, 23, 28)');
  await expect(html).toHaveCSS('color-scheme', 'dark');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await settings.theme('Light').check();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(html).toHaveCSS('background-color', 'rgb(246, 247, 249)');
  await settings.theme('Follow the system').check();
  await expect(html).not.toHaveAttribute('data-theme');
  await expect(html).toHaveCSS('background-color', 'rgb(20, 23, 28)');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('combobox', { name: 'Sleeve of QQQ' }).selectOption({ label: 'Other' });
  await expect(page.getByText('QQQ now counts in Other.')).toBeVisible();
  await app.go('Dashboard');
  // QQQ's value moved from large-cap tech into Other.
  await expect.poll(async () => Number.parseFloat(await otherWeight())).toBeGreaterThan(before);
  await expectNoAxeViolations(page);
});

// A German broker's export: its own column names, and booking words of its own ("Kaufauftrag",
// "Ausschüttung") beside one Tiltfolio knows ("Einlage").
const GERMAN_BROKER_CSV = [
  'Datum;Depot;Vorgang;Wertpapier;Stück;Kurs;Gebühren;Betrag;Währung',
  '02.01.2017;Brokerage;Einlage;;;;;5.000,00;USD',
  '03.01.2017;Brokerage;Kaufauftrag;AAPL;10;116,15;4,95;;USD',
  '12.05.2017;Brokerage;Ausschüttung;AAPL;;;;5,70;USD',
].join('\n');

test('import & export: a broker’s own type words are mapped by hand, saved with a preset, reused, and the preset deleted', async ({
  page,
}, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.go('Import & export');
  const csv = new DataPage(page).csv;
  const upload = () =>
    csv.file.setInputFiles({ name: 'broker.csv', mimeType: 'text/csv', buffer: Buffer.from(GERMAN_BROKER_CSV) });

  await upload();
  await expect(csv.preview).toBeVisible();
  await expect(csv.typeWords).toHaveCount(0);
  await csv.column('Type').selectOption('Vorgang');
  await csv.column('Symbol').selectOption('Wertpapier');
  await expect(csv.typeWord('Einlage')).toHaveValue('deposit');
  await expect(csv.typeWord('Kaufauftrag')).toHaveValue('');
  await expect(csv.unmappedTypes).toHaveText('Choose a type for: Kaufauftrag, Ausschüttung.');

  await csv.typeWord('Kaufauftrag').selectOption({ label: 'Buy' });
  await csv.typeWord('Ausschüttung').selectOption({ label: 'Dividend' });
  await expect(csv.unmappedTypes).toHaveCount(0);
  await csv.saveAs.fill('Broker DE');
  await csv.check.click();
  await expect(csv.result).toHaveText(
    'Check passed: 3 rows would be added, 0 duplicates skipped. Would create 1 account: Brokerage.',
  );
  await csv.importButton.click();
  await expect(csv.result).toContainText('Imported 3 rows; 0 duplicates skipped.');
  await expect(csv.savedPresets).toContainText('Broker DE');
  await expect(csv.savedPresets).toContainText('2 type words');

  await csv.section.screenshot({ path: info.outputPath('csv-type-words-and-presets.png') });
  await expectNoAxeViolations(page);

  // The saved preset brings the words back: the same file again is all duplicates.
  await upload();
  await csv.format.selectOption({ label: 'Broker DE (saved)' });
  await expect(csv.typeWord('Ausschüttung')).toHaveValue('dividend');
  await csv.check.click();
  await expect(csv.result).toContainText('Check passed: 0 rows would be added, 3 duplicates skipped.');

  // Deleting it takes it out of the format choices; Undo brings it back; a reload shows what is stored.
  await csv.deletePreset('Broker DE').click();
  await expect(csv.savedPresets).toContainText('Deleted the preset “Broker DE”.');
  await expect(csv.format.getByRole('option', { name: 'Broker DE (saved)' })).toHaveCount(0);
  await expect(csv.format).toHaveValue('');
  await csv.savedPresets.getByRole('button', { name: 'Undo' }).click();
  await expect(csv.savedPresets).toContainText('Restored the preset “Broker DE”.');
  await expect(csv.format.getByRole('option', { name: 'Broker DE (saved)' })).toHaveCount(1);
  await csv.deletePreset('Broker DE').click();
  await expect(csv.deletePreset('Broker DE')).toHaveCount(0);
  await page.reload();
  await upload();
  // The built-in presets are listed, so the list has loaded: the deleted one is not in it.
  await expect(csv.format.getByRole('option', { name: 'Ghostfolio' })).toHaveCount(1);
  await expect(csv.format.getByRole('option', { name: 'Broker DE (saved)' })).toHaveCount(0);
  await expect(csv.savedPresets).toHaveCount(0);
});

test('keyboard: the skip link moves focus to the screen, and the sidebar is reachable by Tab', async ({ page }) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/\/$|#\/dashboard$/);
  await page.getByRole('link', { name: 'Holdings' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.heading('Holdings')).toBeVisible();
});

test.describe('in German, in a narrower window', () => {
  test.use({ locale: 'de-DE' });

  test('figures follow the user’s locale and charts follow the window', async ({ page }) => {
    const app = await withDemo(page);
    await expect(page.getByTestId('total-value')).toHaveText(/^\d{1,3}(\.\d{3})*,\d{2}\s\$$/);
    const canvas = page.getByRole('img', { name: /Growth of 100/ });
    const wide = (await canvas.boundingBox())?.width ?? 0;
    await page.setViewportSize({ width: 1000, height: 820 });
    await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeLessThan(wide - 200);
    await expect
      .poll(() =>
        canvas
          .locator('canvas')
          .first()
          .evaluate((c) => (c as HTMLCanvasElement).getBoundingClientRect().width),
      )
      .toBeLessThan(wide - 200);
    await app.go('Holdings');
    await expect(page.getByTestId('holding-Brokerage-NFLX')).toContainText(/22\. Feb\. 2019/);
  });
});

test('a reverse split is typed as a ratio, refused when zero, and saved in one spelling', async ({
  page,
}, testInfo) => {
  const app = await withDemo(page);
  await app.go('Transactions');
  await page.getByRole('button', { name: 'Add transaction' }).click();
  const form = page.getByRole('form', { name: 'New transaction' });
  await form.getByLabel('Type').selectOption('split');
  await form.getByLabel('Date').fill('2019-01-02');
  await form.getByLabel('Symbol').fill('AAPL');
  const ratio = form.getByLabel('Ratio (new : old shares)');
  await expect(ratio).toHaveAttribute('placeholder', '3:1 or 1:3');
  await ratio.fill('0');
  await form.getByRole('button', { name: 'Add transaction' }).click();
  await expect(form.getByText('The split ratio "0" must be greater than zero')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('split-ratio-refused.png'), fullPage: true });
  await ratio.fill('1-for-7');
  await form.getByRole('button', { name: 'Add transaction' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByText(/^28 of 28 transactions$/)).toBeVisible();
  await page.getByRole('search', { name: 'Filter transactions' }).getByLabel('Type').selectOption('split');
  await expect(page.getByRole('cell', { name: '1-for-7', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '7-for-1', exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('split-ratio-saved.png'), fullPage: true });
  await expectNoAxeViolations(page);
});
