import type { Locator, Page } from '@playwright/test';

/** The first screen, as a person sees it. */
export class HomePage {
  readonly version: Locator;
  readonly dbPath: Locator;
  readonly emptyState: Locator;
  readonly summary: Locator;
  readonly accountName: Locator;
  readonly currency: Locator;
  readonly createButton: Locator;
  readonly formError: Locator;

  constructor(readonly page: Page) {
    this.version = page.getByTestId('app-version');
    this.dbPath = page.getByTestId('db-path');
    this.emptyState = page.getByTestId('empty-portfolio');
    this.summary = page.getByTestId('portfolio-summary');
    this.accountName = page.getByLabel('Account name');
    this.currency = page.getByLabel('Currency');
    this.createButton = page.getByRole('button', { name: 'Create account' });
    this.formError = page.locator('#account-error');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async createAccount(name: string, currency: string): Promise<void> {
    await this.accountName.fill(name);
    await this.currency.selectOption(currency);
    await this.createButton.click();
  }
}
