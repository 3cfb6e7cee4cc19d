import type { Db } from './connection';

export interface TableCounts {
  accounts: number;
  instruments: number;
  transactions: number;
  quoteBars: number;
}

// The bars from quote_summary (migration 0007): count(*) of quotes scanned every bar (~370 ms at
// 600,000), and this is the dashboard's first call.
export const COUNTS_SQL = /* sql */ `
    SELECT
      (SELECT count(*) FROM accounts)     AS accounts,
      (SELECT count(*) FROM instruments)  AS instruments,
      (SELECT count(*) FROM transactions) AS transactions,
      (SELECT coalesce(sum(bars), 0) FROM quote_summary) AS quoteBars
`;

export function createSummaryRepo(db: Db) {
  const counts = db.prepare<[], TableCounts>(COUNTS_SQL);
  return {
    counts: (): TableCounts => counts.get() as TableCounts,
    schemaVersion: (): number => db.pragma('user_version', { simple: true }) as number,
  };
}
