import type { ImportResult } from '../api/csv-schemas';

/** The result of an import before it has read a record: what a cancelled or failed one reports. */
export function emptyImportResult(jobId: string, fileName: string, presetName: string, dryRun: boolean): ImportResult {
  return {
    jobId,
    fileName,
    presetName,
    dryRun,
    committed: false,
    cancelled: false,
    rows: 0,
    added: 0,
    duplicates: 0,
    skipped: 0,
    skippedMessages: [],
    withoutFxRate: [],
    fxRateMessages: [],
    accountsCreated: [],
    errors: [],
    errorCount: 0,
    errorMessages: [],
    preview: [],
  };
}

/** Rows trading in one currency in accounts of another, with no broker rate of their own. */
export interface WithoutFxRate {
  currency: string;
  accountCurrency: string;
  rows: number;
}

/** "12 rows trade in USD in EUR accounts without a broker rate: the day's cached rate will be used." */
export function withoutFxRateMessage({ currency, accountCurrency, rows }: WithoutFxRate, dryRun: boolean): string {
  const count = rows.toLocaleString('en-US');
  const subject =
    rows === 1
      ? `1 row trades in ${currency} in a ${accountCurrency} account`
      : `${count} rows trade in ${currency} in ${accountCurrency} accounts`;
  return `${subject} without a broker rate: the day's cached rate ${dryRun ? 'will be' : 'is'} used.`;
}
