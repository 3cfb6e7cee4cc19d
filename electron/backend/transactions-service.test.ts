import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const buy = {
  date: '2016-11-14',
  account: 'Brokerage',
  type: 'buy',
  symbol: 'aapl',
  quantity: '10',
  price: '105.71',
  fee: '1',
  currency: 'USD',
};

describe('transactions', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function setup() {
    backend = testBackend(tempDir());
    await backend.dispatch('accounts:create', { name: 'Brokerage', currency: 'USD' });
  }
  const count = async () => {
    const result = await backend.dispatch('transactions:list', {});
    return result.ok ? (result.value as { total: number }).total : -1;
  };

  it('records a buy with exact decimal strings and the symbol upper-cased', async () => {
    await setup();
    const created = await backend.dispatch('transactions:create', buy);
    expect(created).toEqual({
      ok: true,
      value: {
        id: 1,
        date: '2016-11-14',
        time: null,
        account: 'Brokerage',
        type: 'buy',
        symbol: 'AAPL',
        quantity: '10',
        price: '105.71',
        fee: '1',
        amount: null,
        currency: 'USD',
        fxRate: null,
        note: '',
      },
    });
    expect(await backend.dispatch('portfolio:summary', {})).toMatchObject({
      value: { instruments: 1, transactions: 1 },
    });
  });

  it("keeps the broker's exchange rate as typed, clears it, and names the field of a bad one", async () => {
    await setup();
    await backend.dispatch('accounts:create', { name: 'Depot', currency: 'EUR' });
    const jpm = { ...buy, account: 'Depot', symbol: 'JPM', price: '78.47', fxRate: '0.93150' };
    expect(await backend.dispatch('transactions:create', jpm)).toMatchObject({
      ok: true,
      value: { fxRate: '0.93150' },
    });
    const listed = await backend.dispatch('transactions:list', {});
    expect((listed as { value: { rows: { fxRate: string | null }[] } }).value.rows.map((r) => r.fxRate)).toEqual([
      '0.93150',
    ]);
    const cleared = await backend.dispatch('transactions:update', { id: 1, transaction: { ...jpm, fxRate: '' } });
    expect(cleared).toMatchObject({ ok: true, value: { fxRate: null } });
    for (const bad of ['-0.93', '0', 'abc', '1,05']) {
      const refused = await backend.dispatch('transactions:create', { ...jpm, fxRate: bad });
      expect(refused).toMatchObject({ ok: false });
      expect(JSON.stringify(refused)).toMatch(/fxRate/);
    }
    expect(await count()).toBe(1);
    // Undo of a delete puts the rate back with the row.
    await backend.dispatch('transactions:update', { id: 1, transaction: jpm });
    const deleted = await backend.dispatch('transactions:delete', { id: 1 });
    expect(deleted).toMatchObject({ ok: true, value: { fxRate: '0.93150' } });
    const restored = await backend.dispatch('transactions:restore', { row: (deleted as { value: unknown }).value });
    expect(restored).toMatchObject({ ok: true, value: { id: 1, fxRate: '0.93150' } });
  });

  it('refuses a sale of shares not held, naming the transaction, and writes nothing', async () => {
    await setup();
    await backend.dispatch('transactions:create', buy);
    const sell = await backend.dispatch('transactions:create', {
      ...buy,
      type: 'sell',
      quantity: '11',
      date: '2016-11-15',
    });
    expect(sell).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^Transaction 2 \(2016-11-15 sell AAPL\): /) },
    });
    expect(await count()).toBe(1);
  });

  it('refuses a future date and an unknown account', async () => {
    await setup();
    const future = await backend.dispatch('transactions:create', { ...buy, date: '2026-01-03' });
    expect(future).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('after today (2026-01-02)') },
    });
    const stranger = await backend.dispatch('transactions:create', { ...buy, account: 'Nowhere' });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Nowhere') },
    });
    expect(await count()).toBe(0);
  });

  it('validates fields before the ledger sees them', async () => {
    await setup();
    for (const bad of [
      { ...buy, quantity: '1,5' },
      { ...buy, date: '2016-02-30' },
      { ...buy, type: 'gift' },
      { ...buy, price: 'NaN' },
    ]) {
      expect(await backend.dispatch('transactions:create', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await count()).toBe(0);
  });

  it('edits, deletes and restores a transaction under its old id', async () => {
    await setup();
    await backend.dispatch('transactions:create', buy);
    await backend.dispatch('transactions:create', { ...buy, symbol: 'MSFT', price: '58.12' });
    const edited = await backend.dispatch('transactions:update', { id: 1, transaction: { ...buy, quantity: '12' } });
    expect(edited).toMatchObject({ ok: true, value: { id: 1, quantity: '12' } });

    const deleted = await backend.dispatch('transactions:delete', { id: 1 });
    expect(deleted).toMatchObject({ ok: true, value: { id: 1, quantity: '12' } });
    expect(await count()).toBe(1);
    if (!deleted.ok) throw new Error('delete failed');
    const restored = await backend.dispatch('transactions:restore', { row: deleted.value });
    expect(restored).toEqual({ ok: true, value: deleted.value });
    expect(await backend.dispatch('transactions:restore', { row: deleted.value })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('refuses a delete that would break the history (the buy under a later sale)', async () => {
    await setup();
    await backend.dispatch('transactions:create', buy);
    await backend.dispatch('transactions:create', { ...buy, type: 'sell', quantity: '5', date: '2016-12-01' });
    expect(await backend.dispatch('transactions:delete', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await count()).toBe(2);
  });

  it('filters the ledger by account, symbol, type, dates and text', async () => {
    await setup();
    await backend.dispatch('transactions:create', buy);
    await backend.dispatch('transactions:create', { ...buy, symbol: 'MSFT', date: '2017-01-03', note: 'Cloud bet' });
    const list = async (filter: object) => {
      const result = await backend.dispatch('transactions:list', filter);
      return result.ok ? (result.value as { rows: { symbol: string }[] }).rows.map((r) => r.symbol) : result;
    };
    expect(await list({ symbol: 'msft' })).toEqual(['MSFT']);
    expect(await list({ from: '2017-01-01' })).toEqual(['MSFT']);
    expect(await list({ search: 'cloud' })).toEqual(['MSFT']);
    expect(await list({ type: 'sell' })).toEqual([]);
    expect(await list({ account: 'Brokerage' })).toEqual(['AAPL', 'MSFT']);
  });
});
