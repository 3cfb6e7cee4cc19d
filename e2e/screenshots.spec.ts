import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppShell, type ScreenName } from './support/app-shell';
import { DataPage } from './support/screen-pages';
import { layoutFaults } from './support/layout-check';
import { startHost, type StartedHost } from './support/web-host';

// Every screen at a small laptop's size and a common one, light and dark: nothing scrolls sideways,
// no figure is cut to an ellipsis, no action hides behind a sideways scrollbar. With
// TILTFOLIO_SCREENSHOTS=1 the screenshots replace the ones in docs/screenshots/ (look at each
// before committing); otherwise they go to test-results/.
const toDocs = process.env.TILTFOLIO_SCREENSHOTS === '1';
const docs = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
];

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

/** Charts draw on the next frames after their data arrives: wait for two of them, not a clock. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const BROKER_CSV = [
  'Datum;Depot;Vorgang;Wertpapier;Stück;Kurs;Gebühren;Betrag;Währung',
  '31.12.2016;Brokerage;Kauf;AAPL;10;116,73;4,95;1.172,25;USD',
  '15.03.2017;Brokerage;Kauf;MSFT;5;64,75;4,95;328,70;USD',
  '12.05.2017;Brokerage;Dividende;AAPL;;;;5,70;USD',
  '01.08.2017;Retirement (IRA);Einlage;;;;;2.000,00;USD',
].join('\n');

const SCREENS: { name: ScreenName; file: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'Dashboard',
    file: 'dashboard',
    ready: (page) => expect(page.getByTestId('tilt-table')).toBeVisible(),
  },
  {
    name: 'Holdings',
    file: 'holdings',
    ready: (page) => expect(page.getByTestId('holding-Brokerage-NFLX')).toBeVisible(),
  },
  {
    name: 'Income',
    file: 'income',
    ready: (page) => expect(page.getByTestId('income-by-holding')).toBeVisible(),
  },
  {
    name: 'Transactions',
    file: 'transactions',
    ready: (page) => expect(page.getByText(/^27 of 27 transactions$/)).toBeVisible(),
  },
  {
    name: 'Rotation',
    file: 'rotation',
    ready: async (page) => {
      await expect(page.getByTestId('since-change')).toBeVisible();
      await expect(page.getByTestId('rrg-chart')).toBeVisible();
    },
  },
  {
    name: 'Realized gains',
    file: 'realized-gains',
    ready: (page) => expect(page.getByTestId('realized-totals')).toBeVisible(),
  },
  {
    name: 'Import & export',
    file: 'import-export',
    ready: async (page) => {
      await expect(page.getByTestId('quote-SPY')).toBeVisible();
      // A broker's file in another layout, so the preview and the mapping step show.
      const csv = new DataPage(page).csv;
      await csv.file.setInputFiles({ name: 'broker.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKER_CSV) });
      await expect(csv.preview).toBeVisible();
    },
  },
  {
    name: 'Data health',
    file: 'data-health',
    ready: (page) => expect(page.getByRole('heading', { name: 'No problems found' })).toBeVisible(),
  },
  {
    name: 'Settings',
    file: 'settings',
    ready: (page) => expect(page.getByRole('combobox', { name: 'Sleeve of AAPL' })).toBeVisible(),
  },
];

async function checkAndShoot(page: Page, file: string, size: string, info: { outputPath: (n: string) => string }) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled(page);
    const faults = await layoutFaults(page);
    expect.soft(faults.pageOverflow, `${file} at ${size}, ${scheme}: the page scrolls sideways`).toBeNull();
    expect.soft(faults.ellipsisedFigures, `${file} at ${size}, ${scheme}: figures cut short`).toEqual([]);
    expect.soft(faults.hiddenActions, `${file} at ${size}, ${scheme}: actions out of sight`).toEqual([]);
    expect.soft(faults.widerTables, `${file} at ${size}, ${scheme}: tables scroll sideways`).toEqual([]);
    const name = `${file}-${size}-${scheme}.png`;
    await page.screenshot({ path: toDocs ? path.join(docs, name) : info.outputPath(name), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const viewport of SIZES) {
  const size = `${viewport.width}x${viewport.height}`;
  test.describe(size, () => {
    test.use({ locale: 'en-US', timezoneId: 'UTC', viewport });

    test(`every screen fits ${size}, light and dark, with the demo portfolio`, async ({ page }, info) => {
      test.slow();
      const app = new AppShell(page);
      await app.open(host.url);
      await expect(page.getByTestId('empty-portfolio')).toBeVisible();
      await checkAndShoot(page, 'first-run', size, info);
      await app.loadDemo();
      for (const screen of SCREENS) {
        await app.go(screen.name);
        await screen.ready(page);
        await checkAndShoot(page, screen.file, size, info);
      }
      // A holding's page, reached from its symbol as a person reaches it.
      await app.go('Holdings');
      await page.getByTestId('holding-Brokerage-MSFT').getByRole('link', { name: 'MSFT' }).click();
      await expect(page.getByTestId('holding-quantity')).toBeVisible();
      await expect(page.getByText(/^2 transactions, newest first$/)).toBeVisible();
      // Its window control and the figures beside the chart (the whole history until one is chosen).
      await expect(page.getByTestId('holding-span')).toHaveText('Dec 31, 2008 – Feb 22, 2019');
      await checkAndShoot(page, 'holding', size, info);
    });
  });
}
