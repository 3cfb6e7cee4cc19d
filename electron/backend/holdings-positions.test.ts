import { afterEach, describe, expect, it } from 'vitest';
import { calls } from '../../shared/api/contract';
import type { HoldingsOutput } from '../../shared/api/portfolio-schemas';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import type { Backend } from './backend';

// `portfolio:holdings { positions }`: a screen asks for the rows it draws, and a second visit
// while nothing has changed is answered from the answer already built (issue 20).
describe('portfolio:holdings, rows asked for and answers kept', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function ok(name: string, input: unknown): Promise<unknown> {
    const result = await backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }
  const holdings = async (input: unknown) =>
    calls['portfolio:holdings'].output.parse(await ok('portfolio:holdings', input));

  async function setup() {
    backend = testBackend(tempDir());
    await ok('accounts:create', { name: 'Brokerage', currency: 'USD' });
    const tx = { account: 'Brokerage', currency: 'USD' };
    await ok('transactions:create', { ...tx, date: '2024-01-02', type: 'deposit', amount: '10000' });
    await ok('transactions:create', {
      ...tx,
      date: '2024-01-03',
      type: 'buy',
      symbol: 'AAPL',
      quantity: '10',
      price: '100',
    });
    await ok('transactions:create', {
      ...tx,
      date: '2024-01-03',
      type: 'buy',
      symbol: 'MSFT',
      quantity: '5',
      price: '50',
    });
    await ok('transactions:create', {
      ...tx,
      date: '2024-02-01',
      type: 'sell',
      symbol: 'MSFT',
      quantity: '5',
      price: '60',
    });
  }

  it('sends open and closed rows by default, the open ones alone, or none, with the same totals', async () => {
    await setup();
    const all = await holdings({});
    expect(all.rows.map((r) => [r.symbol, r.quantity])).toEqual([['AAPL', '10']]);
    // MSFT: bought 5 at 50, sold 5 at 60: 50 realized.
    expect(all.closed.map((r) => [r.symbol, r.realizedPl])).toEqual([['MSFT', '50']]);
    expect(await holdings({ positions: 'all' })).toEqual(all);
    const open = await holdings({ positions: 'open' });
    expect(open).toEqual({ ...all, closed: [] });
    const none = await holdings({ positions: 'none' });
    expect(none).toEqual({ ...all, rows: [], closed: [] });
    // Cash: 10,000 − 1,000 − 250 + 300; the totals count the closed position's realized P&L.
    expect(none.totals).toMatchObject({ cash: '9050', realizedPl: '50', costBasis: '1000' });
    // AAPL has no quotes: its sleeve counts it at cost, all of the invested total.
    expect(all.sleeves).toEqual([
      expect.objectContaining({
        sleeve: all.rows[0]?.sleeve,
        positions: 1,
        marketValue: '1000',
        costBasis: '1000',
        weightPct: 100,
      }),
    ]);
    const account = await holdings({ account: 'Brokerage', positions: 'open' });
    expect(account.rows).toEqual(all.rows);
  });

  it('refuses rows it does not know', async () => {
    await setup();
    const result = await backend.dispatch('portfolio:holdings', { positions: 'some' });
    expect(result.ok).toBe(false);
  });

  it('answers a second ask from the answer built, and builds a new one after a change', async () => {
    await setup();
    const first = (await ok('portfolio:holdings', {})) as HoldingsOutput;
    // The same answer, not one built again (the backend in this thread hands it over as it is).
    expect(await ok('portfolio:holdings', {})).toBe(first);
    expect(await ok('portfolio:holdings', { account: 'Brokerage' })).toEqual(first);
    await ok('transactions:create', {
      account: 'Brokerage',
      currency: 'USD',
      date: '2024-03-01',
      type: 'sell',
      symbol: 'AAPL',
      quantity: '4',
      price: '110',
    });
    const after = (await ok('portfolio:holdings', {})) as HoldingsOutput;
    expect(after.rows.map((r) => [r.symbol, r.quantity])).toEqual([['AAPL', '6']]);
    // 4 sold at 110 against 100 each: 40 more realized.
    expect(after.totals.realizedPl).toBe('90');
    const noAccount = await backend.dispatch('portfolio:holdings', { account: 'Nobody' });
    expect(noAccount.ok).toBe(false);
  });
});
