import type { CorporateAction } from '../../shared/quotes/types';
import type { Db } from './connection';

export interface StoredAction {
  day: string;
  kind: 'split' | 'dividend';
  source: string;
  amount: number | null;
  numerator: number | null;
  denominator: number | null;
  fetchedAt: string;
}

export function createCorporateActionsRepo(db: Db) {
  const upsert = db.prepare<[string, string, string, string, number | null, number | null, number | null, string]>(
    `INSERT INTO corporate_actions (symbol, day, kind, source, amount, numerator, denominator, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (symbol, day, kind, source) DO UPDATE SET
       amount = excluded.amount, numerator = excluded.numerator, denominator = excluded.denominator,
       fetched_at = excluded.fetched_at`,
  );
  const bySymbol = db.prepare<[string], StoredAction>(
    `SELECT day, kind, source, amount, numerator, denominator, fetched_at AS fetchedAt
     FROM corporate_actions WHERE symbol = ? ORDER BY day, kind, source`,
  );
  const splits = db.prepare<[string], { day: string; source: string }>(
    `SELECT day, source FROM corporate_actions WHERE symbol = ? AND kind = 'split' ORDER BY day, source`,
  );
  return {
    /** Writes inside the caller's transaction, beside the bars the actions explain. */
    upsert(symbol: string, source: string, fetchedAt: string, actions: readonly CorporateAction[]): number {
      for (const action of actions) {
        if (action.kind === 'dividend') {
          upsert.run(symbol, action.day, 'dividend', source, action.amount, null, null, fetchedAt);
        } else {
          upsert.run(symbol, action.day, 'split', source, null, action.numerator, action.denominator, fetchedAt);
        }
      }
      return actions.length;
    },
    list: (symbol: string): StoredAction[] => bySymbol.all(symbol),
    /** The splits already stored for a symbol, by any source: what makes a reported split new or known. */
    splits: (symbol: string): { day: string; source: string }[] => splits.all(symbol),
  };
}
