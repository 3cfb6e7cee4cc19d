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

export interface RefreshJobCounts {
  jobId: string;
  finishedAt: string;
  symbols: number;
  ok: number;
  failed: number;
  cancelled: number;
}

export interface RefreshStatus {
  lastJob: RefreshJobCounts | null;
  lastSuccess: { symbol: string; finishedAt: string } | null;
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
  const lastJob = db.prepare<[], { jobId: string }>(`SELECT job_id AS jobId FROM refresh_log ORDER BY id DESC LIMIT 1`);
  const jobCounts = db.prepare<[string], RefreshJobCounts>(
    `SELECT job_id AS jobId, max(finished_at) AS finishedAt, count(*) AS symbols,
            sum(outcome = 'ok') AS ok, sum(outcome = 'error') AS failed, sum(outcome = 'cancelled') AS cancelled
     FROM refresh_log WHERE job_id = ?`,
  );
  const lastOk = db.prepare<[], { symbol: string; finishedAt: string }>(
    `SELECT symbol, finished_at AS finishedAt FROM refresh_log WHERE outcome = 'ok' ORDER BY id DESC LIMIT 1`,
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
    /** What the status line needs: the latest job's tally and the newest symbol that refreshed. */
    status(): RefreshStatus {
      const job = lastJob.get();
      return { lastJob: job ? (jobCounts.get(job.jobId) ?? null) : null, lastSuccess: lastOk.get() ?? null };
    },
    prune: (keep = KEEP_ENTRIES): number => prune.run(keep).changes,
  };
}
