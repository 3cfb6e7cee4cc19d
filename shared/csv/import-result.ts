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
    accountsCreated: [],
    errors: [],
    errorCount: 0,
    errorMessages: [],
    preview: [],
  };
}
