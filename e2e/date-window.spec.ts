import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppShell } from './support/app-shell';
import { RotationPage } from './support/screen-pages';
import { closeOn, signed } from './support/quote-files';
import { startHost, type StartedHost } from './support/web-host';

test.use({ locale: 'en-US', timezoneId: 'UTC' });

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test('rotation: a typed window, its statistics, and the window restored from the hash after a reload', async ({
  page,
}, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  await app.go('Rotation');
  const rotation = new RotationPage(page);
  await expect(rotation.pairHeading('RUT against SPY')).toBeVisible();
  await expect(page.getByTestId('rotation-span')).toHaveText('Feb 24, 2014 – Feb 22, 2019');

  // A window that does not parse is refused in words, and nothing changes.
  await page.getByRole('form', { name: 'From–to window' }).getByLabel('From', { exact: true }).fill('2016-11-14');
  await page.getByRole('form', { name: 'From–to window' }).getByLabel('To', { exact: true }).fill('2016-10-31');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('alert')).toHaveText('To: 2016-10-31 is before From (2016-11-14).');
  await expect(page.getByTestId('rotation-span')).toHaveText('Feb 24, 2014 – Feb 22, 2019');

  await page.getByRole('form', { name: 'From–to window' }).getByLabel('From', { exact: true }).fill('2016-10-31');
  await page.getByRole('form', { name: 'From–to window' }).getByLabel('To', { exact: true }).fill('2016-11-14');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('rotation-span')).toHaveText('Oct 31 – Nov 14, 2016');
  await expect(page).toHaveURL(/#\/rotation\?from=2016-10-31&to=2016-11-14$/);

  // The figures, worked out here from the CSV files rather than asked of the app.
  const rut = (closeOn('RUT', '2016-11-14') / closeOn('RUT', '2016-10-31') - 1) * 100;
  const spy = (closeOn('SPY', '2016-11-14') / closeOn('SPY', '2016-10-31') - 1) * 100;
  const relative = ((1 + rut / 100) / (1 + spy / 100) - 1) * 100;
  expect(rut).toBeGreaterThan(8); // the story: the Russell 2000 up about 9 % in two weeks
  await expect(rotation.stat('since-change')).toHaveText(signed(rut));
  await expect(rotation.stat('since-relative')).toHaveText(signed(relative));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: info.outputPath(`rotation-window-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A restart (here: a reload) restores the window from the hash.
  await page.reload();
  await expect(page.getByTestId('rotation-span')).toHaveText('Oct 31 – Nov 14, 2016');
  await expect(page.getByRole('form', { name: 'From–to window' }).getByLabel('From', { exact: true })).toHaveValue(
    '2016-10-31',
  );
  await expect(rotation.stat('since-change')).toHaveText(signed(rut));

  // A preset, then Back: the typed window again.
  await page.getByRole('radio', { name: '3Y' }).check();
  await expect(page).toHaveURL(/#\/rotation\?range=3Y$/);
  await expect(page.getByTestId('rotation-span')).not.toHaveText('Oct 31 – Nov 14, 2016');
  await page.goBack();
  await expect(page.getByTestId('rotation-span')).toHaveText('Oct 31 – Nov 14, 2016');

  // Zooming into the chart (1Y, then the wheel) makes what is in view the window: the hash and
  // the figures' heading follow it.
  await page.getByRole('radio', { name: '1Y' }).check();
  await expect(page).toHaveURL(/range=1Y$/);
  const chart = page.getByRole('img', { name: /^RUT from / });
  await chart.hover();
  await page.mouse.wheel(0, -600);
  await expect(page).toHaveURL(/#\/rotation\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  const [, from, to] = /from=([\d-]+)&to=([\d-]+)/.exec(page.url()) as RegExpExecArray;
  await expect(page.getByRole('form', { name: 'From–to window' }).getByLabel('From', { exact: true })).toHaveValue(
    from as string,
  );
  await expect(page.getByRole('form', { name: 'From–to window' }).getByLabel('To', { exact: true })).toHaveValue(
    to as string,
  );
});

test('dashboard: the performance figures for a typed window, the benchmark checked against the CSV', async ({
  page,
}, info) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  await page.getByRole('form', { name: 'From–to window' }).getByLabel('From', { exact: true }).fill('2016-10-31');
  await page.getByRole('form', { name: 'From–to window' }).getByLabel('To', { exact: true }).fill('2016-11-14');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/#\/(dashboard)?\?from=2016-10-31&to=2016-11-14$/);
  await expect(page.getByText('Oct 31 – Nov 14, 2016', { exact: true })).toBeVisible();
  // SPY with dividends reinvested: its adjusted closes (column 6), read here from the file.
  const adjusted = (day: string) => {
    const file = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'quotes', 'SPY.csv');
    const line = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${day},`)) as string;
    return Number(line.split(',')[5]);
  };
  const spy = (adjusted('2016-11-14') / adjusted('2016-10-31') - 1) * 100;
  await expect(page.getByTestId('benchmark-return')).toHaveText(signed(spy));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: info.outputPath(`dashboard-window-${scheme}.png`), fullPage: true });
  }
});
