import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HomePage } from './support/home-page';
import { startHost, type StartedHost } from './support/web-host';

const pkg = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
  version: string;
};

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test('first screen shows the version, the database and the empty portfolio from a real query', async ({
  page,
}, info) => {
  const home = new HomePage(page);
  await home.open(host.url);
  // The token left the address bar and the history, and no cookie holds it (cookies ignore ports).
  await expect(page).toHaveURL(`${host.origin}/`);
  await expect(home.version).toHaveText(`v${pkg.version}`);
  expect(await page.evaluate(() => location.href)).toBe(`${host.origin}/`);
  expect(await page.evaluate(() => history.length)).toBe(2);
  expect(await page.context().cookies()).toEqual([]);
  await page.goBack();
  expect(page.url()).not.toContain('token=');
  await page.goForward();
  await page.reload();
  await expect(home.version).toHaveText(`v${pkg.version}`);
  await expect(home.dbPath).toHaveText(path.join(host.dataDir, 'tiltfolio.sqlite'));
  await expect(home.emptyState).toContainText('Your portfolio is empty');
  expect(fs.existsSync(path.join(host.dataDir, 'tiltfolio.sqlite'))).toBe(true);
  await page.screenshot({ path: info.outputPath('first-screen-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: info.outputPath('first-screen-dark.png'), fullPage: true });
});

test('creating an account goes through the API, validates as you type, and survives a restart', async ({ page }) => {
  const home = new HomePage(page);
  await home.open(host.url);
  await home.accountName.fill('   ');
  await home.createButton.click();
  await expect(home.formError).toHaveText('Give the account a name.');

  await home.createAccount('Brokerage', 'EUR');
  await expect(home.summary).toBeVisible();
  await expect(page.getByTestId('count-accounts')).toHaveText('1');
  await expect(page.getByRole('list', { name: 'Accounts' })).toContainText('BrokerageEUR');

  const dataDir = host.dataDir;
  await host.stop();
  host = await startHost({ dataDir });
  await home.open(host.url);
  await expect(page.getByTestId('count-accounts')).toHaveText('1');
});

test('the page refuses to work without the launch token', async ({ page }) => {
  // The page itself holds no data; every API call without the token is refused.
  const response = await page.goto(`${host.origin}/`);
  expect(response?.headers()['set-cookie']).toBeUndefined();
  const api = await page.request.post(`${host.origin}/api/call/app:info`, { data: {} });
  expect(api.status()).toBe(401);
  await expect(page.getByText('This page is not signed in to Tiltfolio').first()).toBeVisible();
  expect((await page.goto(`${host.origin}/?token=wrong`))?.status()).toBe(401);
});

test('`npm start`, as the README types it, falls back to browser mode in one clear line where Electron cannot run', async ({
  page,
}) => {
  // No Electron binary can be had on this machine: npm start tries the download once, says why it
  // failed on one line, then serves browser mode from the fresh data folder.
  const started = await startHost({ command: 'start' });
  try {
    const lines = started.output().split('\n');
    const fallback = lines.findIndex((line) => line.startsWith('Electron cannot run on this machine'));
    expect(lines[fallback]).toMatch(/^Electron cannot run on this machine: .+\. Starting browser mode instead\.$/);
    expect(lines[fallback + 1]).toBe(`Tiltfolio ${pkg.version} in browser mode; data in ${started.dataDir}`);
    const home = new HomePage(page);
    await home.open(started.url);
    await expect(home.emptyState).toBeVisible();
    await expect(home.dbPath).toHaveText(path.join(started.dataDir, 'tiltfolio.sqlite'));
  } finally {
    await started.stop();
    fs.rmSync(started.dataDir, { recursive: true, force: true });
  }
});
