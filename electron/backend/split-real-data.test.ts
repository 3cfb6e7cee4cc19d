// A real split on real closes (issue 15, defect 6): AAPL's 7-for-1 of 2014-06-09, entered as
// "7:1". The file's closes are split-adjusted (today's shares), so a holding as of a day before
// the split is priced at the close × 7. Every expected figure is worked out here from the file.
import { afterEach, describe, expect, it } from 'vitest';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import type { TransactionRow } from '../../shared/api/transaction-schemas';
import type { Backend } from './backend';
import { importRealQuotes, realBarOn } from '../test-support/real-data';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

const cents = (value: number) => Math.round(value * 100) / 100;

describe('AAPL 7-for-1 on 2014-06-09, typed as 7:1', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  async function call<T>(name: string, input: unknown): Promise<T> {
    const result = await backend!.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  }

  it('holds 10 shares before, 70 after, cost unchanged, and sells half at the post-split close', async () => {
    backend = testBackend(tempDir());
    await importRealQuotes(backend, ['AAPL']);
    await call('accounts:create', { name: 'Brokerage', currency: 'USD' });
    // The price paid before the split, in that day's shares: the adjusted close × 7, to cents.
    const fill = cents(realBarOn('AAPL', '2014-06-02')!.close * 7);
    const sale = cents(realBarOn('AAPL', '2014-06-10')!.close);
    const base = { time: null, account: 'Brokerage', currency: 'USD', note: '', price: null, fee: null, amount: null };
    const entered = [
      { ...base, date: '2014-06-02', type: 'deposit', symbol: null, quantity: null, amount: '10000' },
      { ...base, date: '2014-06-02', type: 'buy', symbol: 'AAPL', quantity: '10', price: String(fill) },
      { ...base, date: '2014-06-09', type: 'split', symbol: 'AAPL', quantity: '7:1' },
      { ...base, date: '2014-06-10', type: 'sell', symbol: 'AAPL', quantity: '35', price: String(sale) },
    ];
    for (const row of entered) await call('transactions:create', row);
    const stored = await call<{ rows: TransactionRow[] }>('transactions:list', {});
    expect(stored.rows.find((r) => r.type === 'split')?.quantity).toBe('7');

    const cost = fill * 10; // 10 shares bought; the split leaves the cost as it was
    const before = await call<HoldingsOutput>('portfolio:holdings', { asOf: '2014-06-06' });
    const held = before.rows.find((r) => r.symbol === 'AAPL')!;
    expect(held.quantity).toBe('10');
    expect(Number(held.costBasis)).toBeCloseTo(cost, 9);
    const close = realBarOn('AAPL', '2014-06-06')!.close;
    expect(held.price).toBeCloseTo(close * 7, 9);
    expect(Number(held.marketValue)).toBeCloseTo(10 * close * 7, 6);

    const after = await call<HoldingsOutput>('portfolio:holdings', { asOf: '2014-06-09' });
    const split = after.rows.find((r) => r.symbol === 'AAPL')!;
    expect(split.quantity).toBe('70');
    expect(Number(split.costBasis)).toBeCloseTo(cost, 9);
    expect(split.price).toBeCloseTo(realBarOn('AAPL', '2014-06-09')!.close, 9);

    const now = await call<HoldingsOutput>('portfolio:holdings', {});
    const left = now.rows.find((r) => r.symbol === 'AAPL')!;
    expect(left.quantity).toBe('35');
    // FIFO: half the shares take half the cost; the sale's gain is the rest of the proceeds.
    expect(Number(left.costBasis)).toBeCloseTo(cost / 2, 9);
    expect(Number(now.totals.realizedPl)).toBeCloseTo(35 * sale - cost / 2, 9);
  });
});

describe('a split ratio through the API', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => backend?.close());

  it('stores 1-for-3 as 1/3 and refuses a zero ratio naming the quantity field', async () => {
    backend = testBackend(tempDir());
    await backend.dispatch('accounts:create', { name: 'Brokerage', currency: 'USD' });
    const split = { date: '2020-03-02', account: 'Brokerage', type: 'split', symbol: 'XYZ', currency: 'USD' };
    expect(await backend.dispatch('transactions:create', { ...split, quantity: ' 1-For-3 ' })).toMatchObject({
      ok: true,
      value: { quantity: '1/3' },
    });
    const refused = await backend.dispatch('transactions:create', { ...split, quantity: '0' });
    const reason =
      'quantity: The split ratio "0" must be greater than zero; write new shares : old shares, such as 3:1 (or 3) for 3-for-1 and 1:3 for 1-for-3.';
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: `transactions:create: ${reason}`, issues: [reason] },
    });
  });
});
