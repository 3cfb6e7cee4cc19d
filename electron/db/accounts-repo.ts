import type { CostMethod } from '../../shared/engine/lots';
import type { Db } from './connection';

export interface AccountRow {
  id: number;
  name: string;
  currency: string;
  createdAt: string;
  /** The account's own cost method; null: the app-wide setting. */
  costMethod: CostMethod | null;
}

const COLUMNS = 'id, name, currency, created_at AS createdAt, cost_method AS costMethod';

export function createAccountsRepo(db: Db) {
  const list = db.prepare<[], AccountRow>(`SELECT ${COLUMNS} FROM accounts ORDER BY name COLLATE NOCASE`);
  const byName = db.prepare<[string], AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE name = ?`);
  const insert = db.prepare<[string, string, string], AccountRow>(
    `INSERT INTO accounts (name, currency, created_at) VALUES (?, ?, ?) RETURNING ${COLUMNS}`,
  );
  const setMethod = db.prepare<[CostMethod | null, string], AccountRow>(
    `UPDATE accounts SET cost_method = ? WHERE name = ? RETURNING ${COLUMNS}`,
  );
  return {
    list: (): AccountRow[] => list.all(),
    findByName: (name: string): AccountRow | undefined => byName.get(name),
    create: (name: string, currency: string, createdAt: string): AccountRow =>
      insert.get(name, currency, createdAt) as AccountRow,
    /** Inside store.write only. Undefined when there is no such account. */
    setCostMethod: (name: string, method: CostMethod | null): AccountRow | undefined => setMethod.get(method, name),
  };
}

/** The accounts that chose their own cost method, for LedgerOptions.accountCostMethods. */
export function accountCostMethods(rows: readonly AccountRow[]): Record<string, CostMethod> {
  const out: Record<string, CostMethod> = {};
  for (const row of rows) if (row.costMethod !== null) out[row.name] = row.costMethod;
  return out;
}
