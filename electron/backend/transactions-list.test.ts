import { afterEach, describe, expect, it } from 'vitest';
import { TRANSACTION_SORTS, type TransactionRow, type TransactionSort } from '../../shared/api/transaction-schemas';
import { scaleBackend, type ScaleBackend } from '../test-support/scale-ledger';

// transactions:list answers a page, filtered and sorted in SQL. Each page is checked against the
// whole ledger filtered and sorted here, the plain way.
describe('transactions:list pages', () => {
  let scale: ScaleBackend;
  afterEach(() => scale.dispose());

  function setup(): TransactionRow[] {
    scale = scaleBackend(2_400, { instruments: 25, days: 300, seed: 4 });
    // Notes to sort and search by, in mixed case.
    scale.backend.db.exec(
      `UPDATE transactions SET note = CASE id % 3 WHEN 0 THEN 'Rebalance ' || id WHEN 1 THEN 'alpha' ELSE '' END`,
    );
    return scale.backend.store.transactions.all();
  }

  async function page(input: object): Promise<{ rows: TransactionRow[]; total: number; all: number }> {
    const result = await scale.backend.dispatch('transactions:list', input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as { rows: TransactionRow[]; total: number; all: number };
  }

  /** Every page of a query, by offset, joined. */
  async function everyPage(input: object, limit: number): Promise<TransactionRow[]> {
    const out: TransactionRow[] = [];
    for (let offset = 0; ; offset += limit) {
      const { rows } = await page({ ...input, offset, limit });
      out.push(...rows);
      if (rows.length < limit) return out;
    }
  }

  // The order the table promises: blanks last, numbers as numbers, text without case, then date and id.
  function expected(rows: TransactionRow[], sort: TransactionSort, dir: 'asc' | 'desc'): number[] {
    const sign = dir === 'asc' ? 1 : -1;
    const value = (r: TransactionRow): string | number | null => {
      if (sort === 'account' || sort === 'note') return r[sort].toLowerCase();
      if (sort === 'date' || sort === 'type' || sort === 'symbol') return r[sort];
      const v = r[sort];
      return v === null ? null : Number(v);
    };
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    return [...rows]
      .sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        if (va === null || vb === null) {
          if (va !== vb) return va === null ? 1 : -1;
        } else if (va !== vb) return sign * cmp(va, vb);
        if (a.date !== b.date) return sign * cmp(a.date, b.date);
        return sign * (a.id - b.id);
      })
      .map((r) => r.id);
  }

  it('sorts by every column both ways, newest first by default, a page at a time', async () => {
    const all = setup();
    const first = await page({ limit: 50 });
    expect(first.total).toBe(all.length);
    expect(first.all).toBe(all.length);
    expect(first.rows.map((r) => r.id)).toEqual(expected(all, 'date', 'desc').slice(0, 50));
    for (const sort of TRANSACTION_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const ids = (await everyPage({ sort, dir }, 700)).map((r) => r.id);
        expect(ids, `${sort} ${dir}`).toEqual(expected(all, sort, dir));
      }
    }
  }, 60_000);

  it('filters by a date range, account and search in SQL, and counts what matches', async () => {
    const all = setup();
    const days = [...new Set(all.map((r) => r.date))];
    const from = days[40] as string;
    const to = days[120] as string;
    const account = 'IRA';
    const matching = all.filter(
      (r) =>
        r.date >= from &&
        r.date <= to &&
        r.account === account &&
        `${r.symbol ?? ''} ${r.note} ${r.account} ${r.type}`.toLowerCase().includes('rebalance'),
    );
    expect(matching.length).toBeGreaterThan(10);
    const input = { from, to, account, search: 'REBALANCE' };
    const answer = await page({ ...input, limit: 5 });
    expect(answer.total).toBe(matching.length);
    expect(answer.all).toBe(all.length);
    expect((await everyPage(input, 7)).map((r) => r.id)).toEqual(expected(matching, 'date', 'desc'));
  });

  it('never answers more than a page, and refuses a bigger one', async () => {
    setup();
    expect((await page({})).rows).toHaveLength(1000);
    const refused = await scale.backend.dispatch('transactions:list', { limit: 5000 } as never);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/at most 1000 rows/);
  });

  it('sees an edit in the next page it answers', async () => {
    const all = setup();
    await page({ limit: 10 });
    const latest = all.at(-1) as TransactionRow;
    const created = await scale.backend.dispatch('transactions:create', {
      date: latest.date,
      account: 'IRA',
      type: 'deposit',
      amount: '10',
      currency: 'USD',
    });
    expect(created.ok).toBe(true);
    const next = await page({ limit: 10 });
    expect(next.total).toBe(all.length + 1);
    expect(next.rows[0]?.amount).toBe('10');
  });
});
