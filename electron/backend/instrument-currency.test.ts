// An instrument's currency (issue 16): from the first transaction, from the provider's metadata,
// or set by hand; refused while transactions of the symbol are in another currency.
import { afterEach, describe, expect, it } from 'vitest';
import { createInstrumentsRepo } from '../db/instruments-repo';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import type { Backend } from './backend';

const meta = (currency: string | null) => ({
  symbol: null,
  currency,
  exchange: null,
  kind: null,
  timeZone: null,
  name: null,
});

describe('instrument currency', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  async function setup() {
    backend = testBackend(tempDir());
    for (const [name, currency] of [
      ['Depot', 'EUR'],
      ['Brokerage', 'USD'],
    ])
      await backend.dispatch('accounts:create', { name, currency });
    const buy = { date: '2016-11-14', type: 'buy', quantity: '10', price: '78.47' };
    await backend.dispatch('transactions:create', {
      ...buy,
      account: 'Depot',
      symbol: 'JPM',
      currency: 'USD',
      fxRate: '0.9315',
    });
    await backend.dispatch('transactions:create', { ...buy, account: 'Brokerage', symbol: 'JPM', currency: 'USD' });
    await backend.dispatch('transactions:create', {
      ...buy,
      date: '2016-11-15',
      account: 'Depot',
      symbol: 'BAS.DE',
      currency: 'EUR',
    });
  }
  const currencies = async () => {
    const result = await backend.dispatch('instruments:list', {});
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { symbol: string; currency: string }[]).map((r) => [r.symbol, r.currency]);
  };

  it('takes the currency of the first transaction, the trade currency even in an account of another', async () => {
    await setup();
    expect(await currencies()).toEqual([
      ['BAS.DE', 'EUR'],
      ['JPM', 'USD'],
    ]);
  });

  it('refuses a currency its transactions are not in, naming how many and from when', async () => {
    await setup();
    const refused = await backend.dispatch('instruments:update', { symbol: 'JPM', currency: 'EUR' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message:
          "JPM cannot be in EUR: 2 of its transactions are in USD (the first on 2016-11-14). An instrument's transactions are in its own currency (with a broker rate when the account's differs); change them first.",
      },
    });
    expect(await currencies()).toContainEqual(['JPM', 'USD']);
    const bad = await backend.dispatch('instruments:update', { symbol: 'JPM', currency: 'dollars' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(bad)).toMatch(/currency/);
  });

  it('sets a currency by hand when nothing contradicts it (written in any case)', async () => {
    await setup();
    await backend.dispatch('transactions:delete', { id: 3 });
    const set = await backend.dispatch('instruments:update', { symbol: 'BAS.DE', currency: 'chf' });
    expect(set).toMatchObject({ ok: true, value: { symbol: 'BAS.DE', currency: 'CHF' } });
  });

  it("takes the provider's ISO currency unless the symbol's transactions are in another", async () => {
    await setup();
    await backend.dispatch('transactions:delete', { id: 3 });
    const repo = createInstrumentsRepo(backend.db);
    repo.fillFromProvider('BAS.DE', meta('GBP'));
    // Yahoo's pence are not a currency; JPM's trades are in USD, so a provider saying EUR is not taken.
    repo.fillFromProvider('JPM', meta('GBp'));
    repo.fillFromProvider('JPM', meta('EUR'));
    expect(await currencies()).toEqual([
      ['BAS.DE', 'GBP'],
      ['JPM', 'USD'],
    ]);
  });
});
