import type { Db } from './connection';

/** An answer as stored: its JSON text and what it was computed from. */
export interface StoredAnswer {
  generation: number;
  context: string;
  answer: string;
}

// The newest answers kept of each call (its name, whatever the input): a call asked with many
// inputs (Rotation's window scrubbed through) must not push out another's, which a reopening needs.
export const STORED_ANSWERS_KEPT_PER_CALL = 6;

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
  // The call's name is the stored key up to its first space ("portfolio:signals {…}").
  const prune = db.prepare<[string, string, number]>(
    `DELETE FROM stored_answers WHERE substr(call, 1, instr(call, ' ')) = ?
       AND call NOT IN (SELECT call FROM stored_answers WHERE substr(call, 1, instr(call, ' ')) = ?
                        ORDER BY stored_at DESC, rowid DESC LIMIT ?)`,
  );
  const newestBar = db.prepare<[], { day: string | null }>('SELECT max(last_day) AS day FROM quote_summary');
  return {
    /** The newest day any symbol has a bar for (quote_summary: a row per symbol), null without bars. */
    newestBarDay: (): string | null => newestBar.get()?.day ?? null,
    /** Moves with every committed write to the portfolio's data, from any connection or process. */
    generation: (): number => generation.get()?.generation ?? 0,
    find: (call: string): StoredAnswer | undefined => find.get(call),
    /** Write side: only inside store.write(). */
    put(call: string, stored: StoredAnswer, at: string): void {
      put.run(call, stored.generation, stored.context, stored.answer, at);
      const name = call.slice(0, call.indexOf(' ') + 1);
      prune.run(name, name, STORED_ANSWERS_KEPT_PER_CALL);
    },
  };
}
