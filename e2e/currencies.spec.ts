import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './support/app-shell';
import { startHost, type StartedHost } from './support/web-host';

// A dollar investor with BASF in a euro account and JPM in a dollar account, on the ECB's rates
// (written into the app's database, as a rate import will): the dashboard's currency card and the
// holdings' base values and currency effect. Screenshots go to test-results/.
test.use({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });

const DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

async function api<T>(page: Page, name: string, input: unknown = {}): Promise<T> {
  const response = await page.request.post(`${host.origin}/api/call/${name}`, { data: input, headers: host.headers });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  expect(body.ok, body.error?.message).toBe(true);
  return body.value;
}

/** The ECB's EURUSD history into fx_rates, through a connection of the test's own. */
function writeEcbUsd(dataDir: string): void {
  const lines = fs
    .readFileSync(path.join(DATA, 'fx', 'eurofxref-hist.csv'), 'utf8')
    .trim()
    .split('\n');
  const db = new Database(path.join(dataDir, 'tiltfolio.sqlite'));
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    `INSERT INTO fx_rates (base, quote, day, source, rate, fetched_at) VALUES ('EUR', 'USD', ?, 'ecb', ?, '2026-04-14T00:00:00Z')`,
  );
  db.transaction(() => {
    for (const line of lines.slice(1)) {
      const [day, usd] = line.split(',');
      if (usd !== undefined && usd !== 'N/A') insert.run(day, usd);
    }
  })();
  db.close();
}

test('a portfolio in euros and dollars: the currency card and the holdings in the base currency', async ({
  page,
}, info) => {
  test.slow();
  const app = new AppShell(page);
  await app.open(host.url);
  writeEcbUsd(host.dataDir);
  for (const [folder, symbol] of [
    ['quotes-xetra', 'BAS.DE'],
    ['quotes', 'JPM'],
    ['quotes', 'SPY'],
  ] as const) {
    const content = fs.readFileSync(path.join(DATA, folder, `${symbol}.csv`), 'utf8');
    await api(page, 'quotes:importFile', { fileName: `${symbol}.csv`, content });
  }
  await api(page, 'accounts:create', { name: 'Depot', currency: 'EUR' });
  await api(page, 'accounts:create', { name: 'Brokerage', currency: 'USD' });
  const base = { time: null, symbol: null, quantity: null, price: null, fee: null, amount: null, note: '' };
  for (const row of [
    { ...base, date: '2016-01-04', account: 'Depot', currency: 'EUR', type: 'deposit', amount: '10000' },
    {
      ...base,
      date: '2016-01-04',
      account: 'Depot',
      currency: 'EUR',
      type: 'buy',
      symbol: 'BAS.DE',
      quantity: '100',
      price: '65.32',
      fee: '5',
    },
    { ...base, date: '2016-01-04', account: 'Brokerage', currency: 'USD', type: 'deposit', amount: '10000' },
    {
      ...base,
      date: '2016-01-04',
      account: 'Brokerage',
      currency: 'USD',
      type: 'buy',
      symbol: 'JPM',
      quantity: '50',
      price: '63.62',
      fee: '4.95',
    },
  ])
    await api(page, 'transactions:create', row);

  await page.reload();
  await expect(page.getByTestId('currency-exposure')).toBeVisible();
  await expect(page.getByTestId('exposure-EUR')).toContainText('%');
  await page.screenshot({ path: info.outputPath('dashboard-currencies.png'), fullPage: true });

  await app.go('Holdings');
  await expect(page.getByTestId('value-base')).toBeVisible();
  await expect(page.getByTestId('currency-effect')).toContainText('FX');
  await page.screenshot({ path: info.outputPath('holdings-currencies.png'), fullPage: true });
});
