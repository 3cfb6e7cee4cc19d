// How often the ledger is replayed: a million-row ledger takes seconds, so a change replays it
// only when the ledger itself changed, and then once. Counted on the replay function, not timed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ledger from '../../shared/engine/ledger';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

// Every replay, from the start or resumed from a checkpoint (ledger-resume.ts), is one pass of a LedgerRun.
const replays = vi.spyOn(ledger.LedgerRun.prototype, 'replay');

describe('ledger replays', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function call(name: string, input: unknown): Promise<unknown> {
    const answer = await backend.dispatch(name as never, input as never);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  }

  /** The value of the financials sleeve in the tilt view. */
  async function financials(): Promise<number | undefined> {
    const tilt = (await call('portfolio:tilt', {})) as { sleeves: { sleeve: string; value: number }[] };
    return tilt.sleeves.find((s) => s.sleeve === 'financials')?.value;
  }

  async function setup(): Promise<number> {
    backend = testBackend(tempDir());
    await call('accounts:create', { name: 'Brokerage', currency: 'USD' });
    const trade = { time: null, account: 'Brokerage', fee: null, amount: null, currency: 'USD', note: '' };
    await call('transactions:create', {
      ...trade,
      date: '2025-12-01',
      type: 'deposit',
      symbol: null,
      quantity: null,
      price: null,
      amount: '5000',
    });
    const buy = (await call('transactions:create', {
      ...trade,
      date: '2025-12-02',
      type: 'buy',
      symbol: 'SPY',
      quantity: '10',
      price: '100',
    })) as { id: number };
    await call('quotes:setManualPrice', { symbol: 'SPY', day: '2025-12-03', close: 120 });
    return buy.id;
  }

  it('re-values a sleeve change without replaying the ledger', async () => {
    await setup();
    expect(await financials()).toBe(0);
    replays.mockClear();
    await call('instruments:update', { symbol: 'SPY', sleeve: 'financials' });
    // 10 shares at the close of 120, now counted in financials.
    expect(await financials()).toBe(10 * 120);
    expect(replays).toHaveBeenCalledTimes(0);
  });

  it('replays a transaction edit once, for the check and the views together', async () => {
    const id = await setup();
    await call('instruments:update', { symbol: 'SPY', sleeve: 'financials' });
    expect(await financials()).toBe(10 * 120);
    replays.mockClear();
    await call('transactions:update', {
      id,
      transaction: {
        date: '2025-12-02',
        time: null,
        account: 'Brokerage',
        type: 'buy',
        symbol: 'SPY',
        quantity: '15',
        price: '100',
        fee: null,
        amount: null,
        currency: 'USD',
        note: '',
      },
    });
    expect(await financials()).toBe(15 * 120);
    expect(replays).toHaveBeenCalledTimes(1);
  });
});
