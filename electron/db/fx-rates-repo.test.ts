import { describe, expect, it } from 'vitest';
import { openStore } from './store';

const rate = (day: string, value: string, source: string, fetchedAt: string) => ({
  base: 'EUR',
  quote: 'USD',
  day,
  rate: value,
  source,
  fetchedAt,
});

describe('fx rates repository', () => {
  it('keeps one rate per pair and day, the latest fetched where sources overlap, as decimal text', async () => {
    const store = openStore(':memory:');
    await store.write(() =>
      store.fxRates.write([
        rate('2016-11-14', '1.0777', 'ecb', '2026-01-01T00:00:00Z'),
        rate('2016-11-15', '1.0734', 'ecb', '2026-01-01T00:00:00Z'),
        rate('2016-11-15', '1.0740', 'manual', '2026-02-01T00:00:00Z'),
        { ...rate('2016-11-15', '0.9310', 'ecb', '2026-01-01T00:00:00Z'), quote: 'CHF' },
      ]),
    );
    expect(store.fxRates.all().map((r) => [r.quote, r.day, r.rate, r.source])).toEqual([
      ['CHF', '2016-11-15', '0.9310', 'ecb'],
      ['USD', '2016-11-14', '1.0777', 'ecb'],
      ['USD', '2016-11-15', '1.0740', 'manual'],
    ]);
    expect(store.fxRates.pairs()).toEqual([
      { base: 'EUR', quote: 'CHF', firstDay: '2016-11-15', lastDay: '2016-11-15', days: 1, sources: 'ecb' },
      { base: 'EUR', quote: 'USD', firstDay: '2016-11-14', lastDay: '2016-11-15', days: 2, sources: 'ecb,manual' },
    ]);
    expect(store.fxRates.removePair('EUR', 'USD')).toBe(3);
    expect(store.fxRates.all()).toHaveLength(1);
  });

  it('refuses a rate that is not positive and a pair of one currency', () => {
    const store = openStore(':memory:');
    expect(() => store.fxRates.write([rate('2016-11-14', '0', 'manual', '2026-01-01T00:00:00Z')])).toThrow(/CHECK/);
    expect(() =>
      store.fxRates.write([{ ...rate('2016-11-14', '1', 'manual', '2026-01-01T00:00:00Z'), quote: 'EUR' }]),
    ).toThrow(/CHECK/);
  });
});
