import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/api/contract';
import type { Backend } from '../backend/backend';
import { scratchDir } from '../db/test-support/scratch';
import { callOk, testBackend } from '../test-support/backend';

const open: Backend[] = [];
afterEach(() => {
  for (const backend of open.splice(0)) backend.close();
});

function backend(): Backend {
  const made = testBackend(scratchDir());
  open.push(made);
  return made;
}

const ECB = 'Date,USD,GBP,\n2016-11-15,1.0765,0.86638,\n2016-11-14,1.0777,0.85985,\n';

describe('the fx calls', () => {
  it('a typed rate is kept as typed, wins its day over the file imported before it, and says so', async () => {
    const b = backend();
    const changes: string[] = [];
    b.events.subscribe((name, payload) => {
      if (name === 'data:changed') changes.push((payload as { scope: string }).scope);
    });
    await callOk(b, 'fx:importFiles', { files: [{ fileName: 'ecb.csv', content: ECB }] });
    const typed = await callOk(b, 'fx:setManualRate', { base: 'eur', quote: 'USD', day: '2016-11-14', rate: '1.0780' });
    expect(typed).toMatchObject({ base: 'EUR', quote: 'USD', day: '2016-11-14', rate: '1.0780', source: 'manual' });
    expect(
      b.store.fxRates
        .all()
        .filter((r) => r.quote === 'USD')
        .map((r) => [r.day, r.rate, r.source]),
    ).toEqual([
      ['2016-11-14', '1.0780', 'manual'],
      ['2016-11-15', '1.0765', 'ecb'],
    ]);
    expect(await callOk(b, 'fx:pairs', {})).toEqual([
      { base: 'EUR', quote: 'GBP', firstDay: '2016-11-14', lastDay: '2016-11-15', days: 2, sources: 'ecb' },
      { base: 'EUR', quote: 'USD', firstDay: '2016-11-14', lastDay: '2016-11-15', days: 2, sources: 'ecb,manual' },
    ]);
    expect(changes).toEqual(['fx', 'fx']);
  });

  it.each([
    [{ base: 'EUR', quote: 'USD', day: '2016-11-14', rate: '1,078' }, 'rate: Type the rate as a decimal above zero'],
    [{ base: 'EUR', quote: 'USD', day: '2016-11-14', rate: '0' }, 'rate: Type the rate as a decimal above zero'],
    [{ base: 'EUR', quote: 'EUR', day: '2016-11-14', rate: '1' }, 'quote: A pair needs two different currencies'],
    [{ base: 'EURO', quote: 'USD', day: '2016-11-14', rate: '1' }, 'base: Use a three-letter ISO currency code'],
    [{ base: 'EUR', quote: 'USD', day: '2026-02-01', rate: '1.1' }, 'A rate for 2026-02-01 is in the future'],
  ])('refuses a typed rate that cannot be one (%#)', async (input, message) => {
    const b = backend();
    const result = await b.dispatch('fx:setManualRate', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.message, ...(result.error.issues ?? [])].join(' | ')).toContain(message);
    expect(b.store.fxRates.all()).toEqual([]);
  });

  it('deletes a pair, every source, and leaves the others', async () => {
    const b = backend();
    await callOk(b, 'fx:importFiles', { files: [{ fileName: 'ecb.csv', content: ECB }] });
    await callOk(b, 'fx:setManualRate', { base: 'EUR', quote: 'USD', day: '2016-11-16', rate: '1.07' });
    expect(await callOk(b, 'fx:deletePair', { base: 'EUR', quote: 'USD' })).toEqual({
      base: 'EUR',
      quote: 'USD',
      deleted: 3,
    });
    expect((await callOk<CallOutput<'fx:pairs'>>(b, 'fx:pairs', {})).map((p) => p.quote)).toEqual(['GBP']);
  });

  it('names the currencies the portfolio uses and the pairs the base currency needs', async () => {
    const b = backend();
    await callOk(b, 'accounts:create', { name: 'Depot', currency: 'EUR' });
    await callOk(b, 'accounts:create', { name: 'Broker', currency: 'USD' });
    await callOk(b, 'transactions:create', {
      date: '2016-11-14',
      account: 'Broker',
      type: 'deposit',
      amount: '100000',
      currency: 'JPY',
    });
    expect(await callOk(b, 'fx:currencies', {})).toEqual({
      used: ['EUR', 'JPY', 'USD'],
      baseCurrency: 'USD',
      needed: [
        { base: 'EUR', quote: 'USD' },
        { base: 'USD', quote: 'JPY' },
      ],
    });
    await callOk(b, 'settings:set', { baseCurrency: 'EUR' });
    expect((await callOk<CallOutput<'fx:currencies'>>(b, 'fx:currencies', {})).needed).toEqual([
      { base: 'EUR', quote: 'JPY' },
      { base: 'EUR', quote: 'USD' },
    ]);
  });
});
