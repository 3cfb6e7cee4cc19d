import type { FxRate } from '../../shared/domain/fx-rate';
import type { Db } from './connection';

/** One pair's cached span, for `tiltfolio fx list` and Settings. */
export interface FxPairSummary {
  base: string;
  quote: string;
  firstDay: string;
  lastDay: string;
  /** Days with a rate (not rows: sources may overlap). */
  days: number;
  /** Every source that gave the pair a rate, comma-separated in name order. */
  sources: string;
}

const COLUMNS = 'base, quote, day, rate, source, fetched_at AS fetchedAt';

export function createFxRatesRepo(db: Db) {
  const upsert = db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO fx_rates (base, quote, day, source, rate, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (base, quote, day, source) DO UPDATE SET rate = excluded.rate, fetched_at = excluded.fetched_at`,
  );
  // Where sources overlap on a day, the most recently fetched rate wins (as for quotes: a
  // hand-typed correction made after an import replaces it; the next fetch replaces that). At the
  // same instant (an import and a correction within one clock tick) the typed rate wins.
  const all = db.prepare<[], FxRate>(
    `SELECT ${COLUMNS} FROM (
       SELECT *, row_number() OVER (
         PARTITION BY base, quote, day ORDER BY fetched_at DESC, source = 'manual' DESC, source) AS pick
       FROM fx_rates)
     WHERE pick = 1 ORDER BY base, quote, day`,
  );
  const summary = db.prepare<[], FxPairSummary>(
    `SELECT base, quote, min(day) AS firstDay, max(day) AS lastDay, count(DISTINCT day) AS days,
            (SELECT group_concat(source, ',') FROM
               (SELECT DISTINCT source FROM fx_rates s WHERE s.base = r.base AND s.quote = r.quote ORDER BY source)
            ) AS sources
     FROM fx_rates r GROUP BY base, quote ORDER BY base, quote`,
  );
  const removePair = db.prepare<[string, string]>(`DELETE FROM fx_rates WHERE base = ? AND quote = ?`);
  // A hand-typed rate is not a fetch: a refresh after one still fetches the days before it.
  const lastFetchedDay = db.prepare<[string, string], { day: string }>(
    `SELECT max(day) AS day FROM fx_rates WHERE base = ? AND quote = ? AND source <> 'manual'`,
  );
  const usedCurrencies = db.prepare<[], { currency: string }>(
    `SELECT currency FROM accounts UNION SELECT currency FROM instruments UNION SELECT currency FROM transactions
     ORDER BY currency`,
  );
  return {
    /** Writes (or replaces, per pair, day and source) the given rates; the caller owns the transaction. */
    write(rates: readonly FxRate[]): number {
      for (const r of rates) upsert.run(r.base, r.quote, r.day, r.source, r.rate, r.fetchedAt);
      return rates.length;
    },
    /** One rate per pair and day (the latest fetched where sources overlap), by pair then day. */
    all: (): FxRate[] => all.all(),
    pairs: (): FxPairSummary[] => summary.all(),
    /** Deletes a pair's rates from every source; answers how many rows went. */
    removePair: (base: string, quote: string): number => removePair.run(base, quote).changes,
    /** The pair's last day from a provider or a file (not typed by hand), or null: where a refresh resumes. */
    lastFetchedDay: (base: string, quote: string): string | null => lastFetchedDay.get(base, quote)?.day ?? null,
    /** Every currency the portfolio uses: its accounts', instruments' and transactions'. */
    usedCurrencies: (): string[] => usedCurrencies.all().map((row) => row.currency),
  };
}
