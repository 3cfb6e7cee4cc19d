// Issue 21, item 1, as a person sees it: another process (the CLI importing beside the app) holds
// the database's write lock. The page stays usable, a change waits and the sidebar says "Busy,
// retrying"; once the lock is free the change goes through and the note goes away.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { holdWriteLock } from '../electron/db/test-support/lock-holder';
import { HomePage } from './support/home-page';
import { startHost, type StartedHost } from './support/web-host';

let host: StartedHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test('a change made while another process writes says "busy, retrying" and then goes through', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  await home.open(host.url);
  await expect(home.emptyState).toBeVisible();

  const holder = await holdWriteLock(path.join(host.dataDir, 'tiltfolio.sqlite'));
  try {
    await home.createAccount('Brokerage', 'EUR');
    // The backend answers busy after its wait (15 s); the client then tries again, saying so.
    const busy = page.getByTestId('busy-status');
    await expect(busy).toBeVisible({ timeout: 60_000 });
    await expect(busy).toHaveText('Busy, retrying: another import or process is writing.');
    await page.screenshot({ path: info.outputPath('busy-retrying.png'), fullPage: true });
    await holder.release();
  } finally {
    holder.kill();
  }
  await expect(page.getByRole('list', { name: 'Accounts' })).toContainText('BrokerageEUR', { timeout: 60_000 });
  await expect(page.getByTestId('busy-status')).toHaveCount(0);
  // The other process's account and ours, each once.
  await expect(page.getByTestId('count-accounts')).toHaveText('2');
});
