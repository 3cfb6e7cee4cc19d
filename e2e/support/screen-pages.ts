import type { Locator, Page } from '@playwright/test';

export class DashboardPage {
  readonly totalValue: Locator;
  readonly twr: Locator;
  readonly xirr: Locator;
  readonly benchmarkReturn: Locator;
  readonly valueChart: Locator;
  readonly tilt: Locator;

  constructor(readonly page: Page) {
    this.totalValue = page.getByTestId('total-value');
    this.twr = page.getByTestId('twr');
    this.xirr = page.getByTestId('xirr');
    this.benchmarkReturn = page.getByTestId('benchmark-return');
    this.valueChart = page.getByRole('img', { name: /Growth of 100|Portfolio value/ });
    this.tilt = page.getByTestId('tilt-table');
  }

  period(label: string): Locator {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  tiltRow(sleeve: 'large_cap_tech' | 'financials' | 'small_caps' | 'other'): Locator {
    return this.page.getByTestId(`tilt-${sleeve}`);
  }
}

export class HoldingsPage {
  readonly account: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.account = page.getByLabel('Account');
    this.search = page.getByLabel('Symbol or name');
    this.table = page.getByRole('table');
    this.total = page.getByTestId('holdings-total');
  }

  row(account: string, symbol: string): Locator {
    return this.page.getByTestId(`holding-${account}-${symbol}`);
  }

  async cells(account: string, symbol: string) {
    const row = this.row(account, symbol);
    const price = row.locator('[data-col="price"]');
    return {
      quantity: Number((await row.locator('[data-col="quantity"]').innerText()).replace(/,/g, '')),
      priceText: await price.innerText(),
      /** The exact cached close, from the price's tooltip. */
      exactClose: Number(/^Close ([\d.]+)/.exec((await price.getAttribute('title')) ?? '')?.[1]),
      value: await row.locator('[data-col="value"]').innerText(),
    };
  }

  sortBy(column: string): Locator {
    return this.table.getByRole('button', { name: column, exact: true });
  }
}

export class RotationPage {
  readonly rrg: Locator;
  readonly rrgTable: Locator;

  constructor(readonly page: Page) {
    this.rrg = page.getByTestId('rrg-chart');
    this.rrgTable = page.getByTestId('rrg-table');
  }

  preset(name: string): Locator {
    return this.page.getByRole('group', { name: 'Presets' }).getByRole('button', { name });
  }

  pairHeading(text: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: text });
  }

  stat(id: 'since-change' | 'since-relative' | 'max-drawdown'): Locator {
    return this.page.getByTestId(id);
  }
}

export class DataPage {
  readonly refreshAll: Locator;
  readonly cancel: Locator;
  readonly overall: Locator;
  readonly file: Locator;
  readonly importButton: Locator;
  readonly csv: TransactionsCsvPanel;

  constructor(readonly page: Page) {
    this.refreshAll = page.getByRole('button', { name: 'Refresh all prices' });
    this.cancel = page.getByRole('main').getByRole('button', { name: 'Cancel refresh' });
    this.overall = page.getByTestId('refresh-progress').getByRole('progressbar');
    const quotesForm = page.getByRole('form', { name: 'Import prices from a file' });
    this.file = quotesForm.getByLabel('CSV files', { exact: true });
    this.importButton = quotesForm.getByRole('button', { name: /^Import( \d+ files)?$/ });
    this.csv = new TransactionsCsvPanel(page);
  }

  row(symbol: string): Locator {
    return this.page.getByTestId(`quote-${symbol}`);
  }
}

/** The Transactions CSV card of Import & export: file, mapping, check/import, exports. */
export class TransactionsCsvPanel {
  readonly section: Locator;
  readonly file: Locator;
  readonly check: Locator;
  readonly importButton: Locator;
  readonly preview: Locator;
  readonly detected: Locator;
  readonly result: Locator;
  readonly errors: Locator;
  readonly format: Locator;
  readonly saveAs: Locator;
  readonly typeWords: Locator;
  readonly unmappedTypes: Locator;
  readonly savedPresets: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('transactions-csv');
    this.format = this.section.getByLabel('Format', { exact: true });
    this.saveAs = this.section.getByLabel('Save this mapping as a preset (optional)');
    this.typeWords = this.section.getByTestId('csv-type-words');
    this.unmappedTypes = this.section.getByTestId('csv-unmapped-types');
    this.savedPresets = this.section.getByRole('group', { name: 'Saved presets' });
    this.file = this.section.getByLabel('Transactions CSV file');
    this.check = this.section.getByRole('button', { name: 'Check (dry run)' });
    this.importButton = this.section.getByRole('button', { name: 'Import', exact: true });
    this.preview = this.section.getByTestId('csv-preview');
    this.detected = this.section.getByTestId('csv-detected');
    this.result = this.section.getByTestId('csv-import-result');
    this.errors = this.section.locator('.csv-errors');
  }

  exportButton(kind: string): Locator {
    return this.section.getByRole('button', { name: `Export ${kind}` });
  }

  /** The column select of a field in the mapping step ("Type", "Symbol", …). */
  column(field: string): Locator {
    return this.section.getByLabel(field, { exact: true });
  }

  /** The type select of one word of the file's type column. */
  typeWord(word: string): Locator {
    return this.typeWords.getByLabel(`Type for ${word}`, { exact: true });
  }

  deletePreset(name: string): Locator {
    return this.savedPresets.getByRole('button', { name: `Delete the preset ${name}` });
  }
}

export class SettingsPage {
  constructor(readonly page: Page) {}

  theme(name: 'Follow the system' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('radio', { name });
  }

  readonly yahooUrl = () => this.page.getByLabel('Yahoo base URL');
  readonly offline = () => this.page.getByLabel(/Offline mode/);
  readonly saveQuotes = () => this.page.getByRole('button', { name: 'Save quote settings' });
}
