import type { Db } from './connection';

export interface AccountRow {
  id: number;
  name: string;
  currency: string;
  createdAt: string;
}

export function createAccountsRepo(db: Db) {
  const list = db.prepare<[], AccountRow>(
    'SELECT id, name, currency, created_at AS createdAt FROM accounts ORDER BY name COLLATE NOCASE',
  );
  const byName = db.prepare<[string], AccountRow>(
    'SELECT id, name, currency, created_at AS createdAt FROM accounts WHERE name = ?',
  );
  const insert = db.prepare<[string, string, string], AccountRow>(
    'INSERT INTO accounts (name, currency, created_at) VALUES (?, ?, ?) RETURNING id, name, currency, created_at AS createdAt',
  );
  return {
    list: (): AccountRow[] => list.all(),
    findByName: (name: string): AccountRow | undefined => byName.get(name),
    create: (name: string, currency: string, createdAt: string): AccountRow =>
      insert.get(name, currency, createdAt) as AccountRow,
  };
}
