import { afterEach, describe, expect, it } from 'vitest';
import { calls, type CallName, type CallOutput } from '../../shared/api/contract';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

describe('portfolio calls with a USD and a EUR account', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
    const result = await backend.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    // What the renderer receives must be what the contract says.
    return calls[name].output.parse(result.value) as CallOutput<N>;
  }

  it('totals the USD 1,000 alone and lists the EUR 1,000 it leaves out', async () => {
    backend = testBackend(tempDir());
    await call('accounts:create', { name: 'Brokerage', currency: 'USD' });
    await call('accounts:create', { name: 'Euro', currency: 'EUR' });
    const deposit = { date: '2024-05-01', type: 'deposit', amount: '1000' };
    await call('transactions:create', { ...deposit, account: 'Brokerage', currency: 'USD' });
    await call('transactions:create', { ...deposit, account: 'Euro', currency: 'EUR' });

    const holdings = await call('portfolio:holdings', {});
    expect(holdings.baseCurrency).toBe('USD');
    expect(holdings.totals).toMatchObject({ cash: '1000', total: '1000' });
    expect(holdings.totals.leftOut).toEqual([{ currency: 'EUR', amount: '1000', count: 1 }]);
    expect(holdings.notes.some((n) => n.startsWith('No EUR→USD rate'))).toBe(true);
    const tilt = await call('portfolio:tilt', {});
    expect(tilt).toMatchObject({ total: 0, leftOut: [] });
  });
});
