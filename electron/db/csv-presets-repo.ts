import type { Db } from './connection';

const KEY = 'csv.presets';

/** The user's saved import mappings: one JSON document in the settings table. */
export function createCsvPresetsRepo(db: Db) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    /** The stored JSON text, or null when nothing was saved yet. */
    read: (): string | null => read.get(KEY)?.value ?? null,
    write: (json: string): void => void write.run(KEY, json),
  };
}
