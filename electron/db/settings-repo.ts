import type { Db } from './connection';

/** Settings as key → JSON text; what the values mean is the caller's business. */
export function createSettingsRepo(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const setMany = db.transaction((entries: readonly [string, string][]) => {
    for (const [key, value] of entries) upsert.run(key, value);
  });
  return {
    all: (): Map<string, string> => new Map(all.all().map((row) => [row.key, row.value])),
    /** All or nothing. */
    setMany: (entries: readonly [string, string][]): void => setMany(entries),
  };
}
