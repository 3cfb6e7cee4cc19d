import type { Db } from './connection';

/** An answer as stored: its JSON text and what it was computed from. */
export interface StoredAnswer {
  generation: number;
  context: string;
  answer: string;
}

// The newest answers kept: the dashboard asks for five, a screen or two more; older ones go.
export const STORED_ANSWERS_KEPT = 32;

/**
 * The data generation (migration 0008: moved by triggers on every write to what the portfolio is
 * computed from) and the answers stored under it.
 */
export function createStoredAnswersRepo(db: Db) {
  const generation = db.prepare<[], { generation: number }>('SELECT generation FROM data_generation WHERE id = 1');
  const find = db.prepare<[string], StoredAnswer>(
    'SELECT generation, context, answer FROM stored_answers WHERE call = ?',
  );
  const put = db.prepare<[string, number, string, string, string]>(
    `INSERT INTO stored_answers (call, generation, context, answer, stored_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (call) DO UPDATE SET generation = excluded.generation, context = excluded.context,
       answer = excluded.answer, stored_at = excluded.stored_at`,
  );
  const prune = db.prepare<[number]>(
    'DELETE FROM stored_answers WHERE call NOT IN (SELECT call FROM stored_answers ORDER BY stored_at DESC, rowid DESC LIMIT ?)',
  );
  return {
    /** Moves with every committed write to the portfolio's data, from any connection or process. */
    generation: (): number => generation.get()?.generation ?? 0,
    find: (call: string): StoredAnswer | undefined => find.get(call),
    /** Write side: only inside store.write(). */
    put(call: string, stored: StoredAnswer, at: string): void {
      put.run(call, stored.generation, stored.context, stored.answer, at);
      prune.run(STORED_ANSWERS_KEPT);
    },
  };
}
