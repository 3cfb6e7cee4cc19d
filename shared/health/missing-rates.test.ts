import { describe, expect, it } from 'vitest';
import { fxTable } from '../fx/rate-lookup';
import { runHealthChecks } from './checks';
import { missingRates } from './missing-rates';
import { healthInput } from './test-support/input';

const rate = (quote: string, day: string, value: string) => ({
  base: 'EUR',
  quote,
  day,
  rate: value,
  source: 'ecb',
  fetchedAt: '2019-03-01T00:00:00Z',
});

describe('missingRates', () => {
  const held = [
    { symbol: 'BAS.DE', account: 'Depot', currency: 'EUR' },
    { symbol: null, account: 'Depot', currency: 'EUR' },
    { symbol: 'NESN.SW', account: 'Swiss', currency: 'CHF' },
    { symbol: 'JPM', account: 'Broker', currency: 'USD' },
  ];

  it('names each currency with no rate into the base on the valuation day, and what it leaves out', () => {
    // EUR→USD is there (3 days old: a weekend); CHF has no pair at all, not even a cross.
    const input = healthInput({
      portfolioLastDay: '2019-02-25',
      fx: { base: 'USD', table: fxTable([rate('USD', '2019-02-22', '1.1325')]), held, unsettled: [] },
    });
    const problems = missingRates(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'missing_fx_rate', accounts: ['Swiss'], day: '2019-02-25' });
    expect(problems[0]!.detail).toMatch(/^No CHF→USD rate on or before 2019-02-25/);
    expect(problems[0]!.detail).toContain('NESN.SW cannot be converted to USD');
    expect(runHealthChecks(input).summary).toEqual([
      { kind: 'missing_fx_rate', count: 1, text: '1 exchange rate is missing' },
    ]);
  });

  it('finds nothing once a cross rate through EUR exists, and nothing when all is in the base', () => {
    const table = fxTable([rate('USD', '2019-02-22', '1.1325'), rate('CHF', '2019-02-22', '1.1338')]);
    expect(missingRates(healthInput({ fx: { base: 'USD', table, held, unsettled: [] } }))).toEqual([]);
    const onlyUsd = [{ symbol: 'JPM', account: 'Broker', currency: 'USD' }];
    expect(
      missingRates(healthInput({ fx: { base: 'USD', table: fxTable([]), held: onlyUsd, unsettled: [] } })),
    ).toEqual([]);
  });

  it('counts a rate older than the age limit as missing, and lists trades that could not settle', () => {
    const input = healthInput({
      portfolioLastDay: '2019-03-15',
      fx: {
        base: 'USD',
        table: fxTable([rate('USD', '2019-02-22', '1.1325')]),
        held: held.slice(0, 1),
        unsettled: ['2019-03-01 buy of JPM in Depot (EUR): no USD→EUR rate on or before 2019-03-01'],
      },
    });
    expect(missingRates(input).map((p) => [p.kind, p.detail.slice(0, 40)])).toEqual([
      ['missing_fx_rate', 'No EUR→USD rate on or before 2019-03-15 '],
      ['missing_fx_rate', '2019-03-01 buy of JPM in Depot (EUR): no'],
    ]);
  });
});
