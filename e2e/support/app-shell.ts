import { expect, type Locator, type Page } from '@playwright/test';

export type ScreenName =
  | 'Dashboard'
  | 'Holdings'
  | 'Income'
  | 'Transactions'
  | 'Rotation'
  | 'Realized gains'
  | 'Import & export'
  | 'Data health'
  | 'Settings';

/** The sidebar and whatever screen is open, as a person uses them. */
export class AppShell {
  readonly nav: Locator;
  readonly connection: Locator;
  readonly refreshWidget: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.connection = page.getByTestId('connection');
    this.refreshWidget = page.getByTestId('refresh-widget');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading('Dashboard')).toBeVisible();
  }

  heading(name: ScreenName): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async go(name: ScreenName): Promise<void> {
    await this.nav.getByRole('link', { name }).click();
    await expect(this.heading(name)).toBeVisible();
    await expect(this.nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }

  /** First run: the dashboard's offer, then the figures it fills in. */
  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load demo portfolio' }).click();
    // A figure, not the dash of "none" nor the placeholder of "still loading".
    await expect(this.page.getByTestId('total-value')).toHaveText(/\d/);
  }
}

/** "$72,604.00" or "-$3.50" (en-US, as the tests run) → a number. */
export function money(text: string): number {
  const n = Number(text.replace(/[^0-9.-]/g, ''));
  if (!Number.isFinite(n)) throw new Error(`not money: ${text}`);
  return n;
}
