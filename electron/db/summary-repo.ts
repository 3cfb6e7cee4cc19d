import type { Db } from './connection';

export interface TableCounts {
  accounts: number;
  instruments: number;
  transactions: number;
  quoteBars: number;
}

export function createSummaryRepo(db: Db) {
  const counts = db.prepare<[], TableCounts>(`
    SELECT
      (SELECT count(*) FROM accounts)     AS accounts,
      (SELECT count(*) FROM instruments)  AS instruments,
      (SELECT count(*) FROM transactions) AS transactions,
      (SELECT count(*) FROM quotes)       AS quoteBars
  `);
  return {
    counts: (): TableCounts => counts.get() as TableCounts,
    schemaVersion: (): number => db.pragma('user_version', { simple: true }) as number,
  };
}
