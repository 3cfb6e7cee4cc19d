import type { Db } from './connection';

export type RefreshOutcome = 'ok' | 'error' | 'cancelled';

export interface RefreshLogEntry {
  id: number;
  jobId: string;
  symbol: string;
  provider: string;
  startedAt: string;
  finishedAt: string;
  outcome: RefreshOutcome;
  barsWritten: number;
  message: string;
}

export type NewRefreshLogEntry = Omit<RefreshLogEntry, 'id'>;

// Enough history to explain a stale symbol; older attempts are pruned.
const KEEP_ENTRIES = 5000;

export function createRefreshLogRepo(db: Db) {
  const insert = db.prepare<[string, string, string, string, string, string, number, string]>(
    `INSERT INTO refresh_log (job_id, symbol, provider, started_at, finished_at, outcome, bars_written, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const columns = `id, job_id AS jobId, symbol, provider, started_at AS startedAt, finished_at AS finishedAt,
                   outcome, bars_written AS barsWritten, message`;
  const recent = db.prepare<[number], RefreshLogEntry>(`SELECT ${columns} FROM refresh_log ORDER BY id DESC LIMIT ?`);
  const recentForSymbol = db.prepare<[string, number], RefreshLogEntry>(
    `SELECT ${columns} FROM refresh_log WHERE symbol = ? ORDER BY id DESC LIMIT ?`,
  );
  const prune = db.prepare<[number]>(`DELETE FROM refresh_log WHERE id <= (SELECT max(id) FROM refresh_log) - ?`);
  return {
    add(entry: NewRefreshLogEntry): void {
      insert.run(
        entry.jobId,
        entry.symbol,
        entry.provider,
        entry.startedAt,
        entry.finishedAt,
        entry.outcome,
        entry.barsWritten,
        entry.message,
      );
    },
    /** Newest first. */
    recent: (limit: number, symbol?: string): RefreshLogEntry[] =>
      symbol === undefined ? recent.all(limit) : recentForSymbol.all(symbol, limit),
    prune: (keep = KEEP_ENTRIES): number => prune.run(keep).changes,
  };
}
