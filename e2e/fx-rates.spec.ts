import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppShell } from './support/app-shell';
import { expectNoAxeViolations } from './support/axe';
import { startHost, type StartedHost } from './support/web-host';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

const ECB = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'fx', 'eurofxref-hist.csv');

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

/** The file counted by hand: rates (cells other than N/A), pairs, and EUR/USD's days. */
function countEcb() {
  const [head, ...lines] = fs.readFileSync(ECB, 'utf8').trim().split('\n');
  const codes = head!.split(',').slice(1, -1);
  const rows = lines.map((line) => line.split(','));
  const usd = codes.indexOf('USD') + 1;
  return {
    rates: rows.flatMap((row) => row.slice(1, -1)).filter((cell) => cell !== 'N/A').length,
    pairs: codes.length,
    usdDays: rows.filter((row) => row[usd] !== 'N/A').length,
  };
}

test('Settings: import the ECB file, see its pairs, set the base currency to EUR', async ({ page }, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.go('Settings');
  const card = page.getByRole('region', { name: 'Exchange rates' });
  await expect(card.getByText('No exchange rates cached yet.')).toBeVisible();

  const counted = countEcb();
  await card.getByLabel('Rate files').setInputFiles(ECB);
  await card.getByRole('button', { name: 'Import rates' }).click();
  await expect(
    card.getByText(
      `Imported ${counted.rates.toLocaleString('en-US')} rates for ${counted.pairs} pairs from eurofxref-hist.csv (ECB reference rates).`,
    ),
  ).toBeVisible({ timeout: 30_000 });
  const usd = card.getByRole('row', { name: /^EUR\/USD/ });
  await expect(usd).toContainText('Jan 4, 1999');
  await expect(usd).toContainText('Apr 13, 2026');
  await expect(usd).toContainText(counted.usdDays.toLocaleString('en-US'));
  await expect(usd).toContainText('ECB file');
  await expect(card.getByRole('table', { name: 'Cached currency pairs' }).locator('tbody tr')).toHaveCount(
    counted.pairs,
  );

  const base = page.getByLabel('Show every figure in');
  await expect(base).toHaveValue('USD');
  await base.selectOption('EUR');
  await page.getByRole('button', { name: 'Save base currency' }).click();
  await expect(page.getByText('Saved the base currency.')).toBeVisible();
  const saved = await (
    await page.request.post(`${host.origin}/api/call/settings:get`, { data: {}, headers: host.headers })
  ).json();
  expect(saved.value.baseCurrency).toBe('EUR');

  await expectNoAxeViolations(page);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('settings-fx.png'), fullPage: true });
  await card.screenshot({ path: info.outputPath('settings-fx-card.png') });
});
