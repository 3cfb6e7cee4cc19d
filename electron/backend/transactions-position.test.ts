import { afterEach, describe, expect, it } from 'vitest';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import { scaleBackend, type ScaleBackend } from '../test-support/scale-ledger';

// transactions:position says where a row stands in the table's order and filter, so the screen can
// open the page that holds it. Checked against the row's place in the pages themselves.
describe('transactions:position', () => {
  let scale: ScaleBackend;
  afterEach(() => scale.dispose());

  async function call<T>(name: 'transactions:list' | 'transactions:position', input: object): Promise<T> {
    const result = await scale.backend.dispatch(name, input as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  }

  it('finds a row deep in the list in any order, and says null when the filter leaves it out', async () => {
    scale = scaleBackend(1_500, { instruments: 12, days: 200, seed: 7 });
    const all = scale.backend.store.transactions.all();
    // The oldest buy: near the end of the default order (newest first).
    const target = all.find((r) => r.type === 'buy') as TransactionRow;
    for (const order of [{}, { sort: 'symbol', dir: 'asc' }, { sort: 'amount', dir: 'desc' }]) {
      const { offset, total } = await call<{ offset: number; total: number }>('transactions:position', {
        ...order,
        id: target.id,
      });
      expect(total).toBe(all.length);
      // Read the page the answer names: the row is there, at that index.
      const page = await call<{ rows: TransactionRow[] }>('transactions:list', { ...order, offset, limit: 1 });
      expect(page.rows[0]?.id).toBe(target.id);
    }
    const deep = await call<{ offset: number }>('transactions:position', { id: target.id });
    expect(deep.offset).toBeGreaterThan(1_000);
    const filtered = await call<{ offset: number | null; total: number }>('transactions:position', {
      id: target.id,
      type: 'sell',
    });
    expect(filtered.offset).toBeNull();
    expect(filtered.total).toBe(all.filter((r) => r.type === 'sell').length);
  });
});
