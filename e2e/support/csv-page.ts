import type { Locator, Page } from '@playwright/test';

/** The Import & export screen, as a person sees it. */
export class CsvPage {
  readonly fileInput: Locator;
  readonly layout: Locator;
  readonly account: Locator;
  readonly dryRun: Locator;
  readonly importButton: Locator;
  readonly status: Locator;
  readonly problems: Locator;
  readonly exportKind: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.locator('input[type=file]');
    this.layout = page.getByLabel('Layout');
    this.account = page.getByLabel('Put every row into account (optional)');
    this.dryRun = page.getByRole('button', { name: 'Check (dry run)' });
    this.importButton = page.getByRole('button', { name: 'Import', exact: true });
    this.status = page.getByRole('status').filter({ hasText: /rows/ });
    this.problems = page.getByRole('alert');
    this.exportKind = page.getByLabel('What');
    this.exportButton = page.getByRole('button', { name: 'Export CSV' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('link', { name: 'Import & export' }).click();
  }

  async choose(name: string, content: string): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }
}
