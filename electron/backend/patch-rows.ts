import type { Transaction } from '../../shared/domain/transaction';

/** Store order: by date, then id (transactions-repo's `all`). */
function before(a: Transaction, date: string, id: number): boolean {
  return a.date < date || (a.date === date && a.id < id);
}

/** Where a row dated `date` with `id` is, or goes, in rows in store order. */
function position(rows: readonly Transaction[], date: string, id: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(rows[mid] as Transaction, date, id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A copy of `rows` (in store order) without `removed` and with `added`, still in store order:
 * what reading every row again would give after an edit, in a few milliseconds instead of seconds
 * at 500,000 rows. `rows` is not changed (the current snapshot still reads it).
 */
export function patchRows<T extends Transaction>(rows: readonly T[], removed: T | null, added: T | null): T[] {
  const out = rows.slice();
  if (removed) {
    const at = position(out, removed.date, removed.id);
    if (out[at]?.id !== removed.id)
      throw new Error(`patchRows: transaction ${removed.id} is not where its date puts it`);
    out.splice(at, 1);
  }
  if (added) out.splice(position(out, added.date, added.id), 0, added);
  return out;
}
