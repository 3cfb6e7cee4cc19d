import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppShell } from './support/app-shell';
import { startHost, type StartedHost } from './support/web-host';

// After an add or edit the row is found on its page, scrolled to, highlighted and focused; Esc
// closes the form; names say what the row shows, never an id (issue 19, "Transactions").
test.use({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test('a transaction added far down the list is scrolled to, highlighted and focused; Esc closes the form', async ({
  page,
}) => {
  const app = new AppShell(page);
  await app.open(host.url);
  await app.loadDemo();
  await app.go('Transactions');
  await expect(page.getByText(/^27 of 27 transactions$/)).toBeVisible();

  const add = page.getByRole('button', { name: 'Add transaction' });
  await add.click();
  const form = page.getByRole('form', { name: 'New transaction' });
  await form.getByLabel('Date').fill('2012-05-15');
  await form.getByLabel('Type').selectOption('buy');
  await form.getByLabel('Symbol').fill('AAPL');
  await form.getByLabel('Quantity').fill('10');
  await form.getByLabel('Price').fill('80');
  await form.getByRole('button', { name: 'Add transaction' }).click();

  // Older than every demo record: the last row of 28, newest first, well below the first screenful.
  const name = 'the buy of 10 AAPL on May 15, 2012';
  await expect(page.getByText(`Added ${name}.`)).toBeVisible();
  await expect(page.getByText(/^28 of 28 transactions$/)).toBeVisible();
  const edit = page.getByRole('button', { name: `Edit ${name}` });
  await expect(edit).toBeFocused();
  await expect(edit).toBeInViewport();
  const row = page.locator('table.tx-table tbody tr', { has: edit });
  await expect(row).toHaveClass(/tx-highlight/);
  await expect(row).toHaveAttribute('aria-rowindex', String(28 + 1));
  await page.screenshot({ path: test.info().outputPath('transactions-added.png') });

  // Edit, then Esc: the form closes and focus is back on the row's Edit button.
  await edit.click();
  const editForm = page.getByRole('form', { name: `Edit ${name}` });
  await expect(editForm).toBeVisible();
  await editForm.getByLabel('Note').focus();
  await page.keyboard.press('Escape');
  await expect(editForm).toBeHidden();
  await expect(edit).toBeFocused();

  // An edit moves the row; it is found again on its new page.
  await edit.click();
  await editForm.getByLabel('Quantity').fill('12');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  const renamed = page.getByRole('button', { name: 'Edit the buy of 12 AAPL on May 15, 2012' });
  await expect(page.getByText('Saved the buy of 12 AAPL on May 15, 2012.')).toBeVisible();
  await expect(renamed).toBeFocused();
  await expect(renamed).toBeInViewport();

  // Every action is named by what the row shows: no "transaction 28", no "#28".
  const labels = await page
    .locator('table.tx-table button[aria-label]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  expect(labels.length).toBeGreaterThan(4);
  for (const label of labels) expect(label).toMatch(/^(Edit|Delete) the .+ on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);

  // Delete: its row is gone, so focus goes to Add transaction.
  await page.getByRole('button', { name: 'Delete the buy of 12 AAPL on May 15, 2012' }).click();
  await expect(page.getByText('Deleted the buy of 12 AAPL on May 15, 2012.')).toBeVisible();
  await expect(add).toBeFocused();
});
