import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppShell } from './support/app-shell';
import { startHost, type StartedHost } from './support/web-host';

// "Did my tilt pay?" on the demo over the November 2016 rotation: the card shows the figures the
// CLI prints (electron/cli/attribution-command.test.ts checks the CLI against the same call).
let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test.use({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });

test('attribution over Oct 31 – Nov 14, 2016 on the demo, light and dark', async ({ page }, info) => {
  test.slow();
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  await app.go('Rotation');
  // The screen's window sets the cards' days, as it sets the charts'.
  const windowForm = page.getByRole('form', { name: 'From–to window' });
  await windowForm.getByLabel('From', { exact: true }).fill('2016-10-31');
  await windowForm.getByLabel('To', { exact: true }).fill('2016-11-14');
  await windowForm.getByRole('button', { name: 'Show' }).click();
  const card = page.getByTestId('attribution-card');
  const summary = card.getByTestId('attribution-summary');
  await expect(summary).toContainText('Oct 31, 2016 – Nov 14, 2016');
  // The same call the CLI makes: the card shows its figures to the hundredth, signed as the CLI prints them.
  const response = await page.request.post(`${host.origin}/api/call/portfolio:attribution`, {
    data: { from: '2016-10-31', to: '2016-11-14' },
    headers: host.headers,
  });
  const body = (await response.json()) as { ok: boolean; value: { active_pct: number; portfolio_pct: number } };
  expect(body.ok).toBe(true);
  const printed = (x: number) => `${x < 0 ? '-' : '+'}${Math.abs(x).toFixed(2)} %`;
  await expect(summary).toContainText(`active ${printed(body.value.active_pct)}`);
  await expect(summary).toContainText(`your holdings ${printed(body.value.portfolio_pct)}`);
  await expect(card.getByTestId('risk-figures')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await card.screenshot({ path: info.outputPath(`attribution-${scheme}.png`) });
  }
  await windowForm.getByLabel('From', { exact: true }).fill('2016-11-01');
  await windowForm.getByLabel('To', { exact: true }).fill('2016-11-30');
  await windowForm.getByRole('button', { name: 'Show' }).click();
  const signals = page.getByTestId('signals-card');
  const table = signals.getByTestId('signals-table');
  await expect(table).toContainText('RUT closed at a new 52-week high');
  await expect(table).toContainText('Financials (sleeve) moved from Weakening to Leading');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await signals.screenshot({ path: info.outputPath(`signals-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await app.go('Settings');
  const form = page.locator('form[aria-labelledby="set-attr-title"]');
  await expect(form.getByLabel('Small caps index')).toHaveValue('RUT');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await form.screenshot({ path: info.outputPath(`attribution-settings-${scheme}.png`) });
  }
});
