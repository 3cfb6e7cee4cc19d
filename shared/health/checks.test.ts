import { describe, expect, it } from 'vitest';
import { HEALTH_CHECKS, runHealthChecks } from './checks';
import type { HealthCheck } from './health-problem';
import { healthInput, rowsOf } from './test-support/input';

describe('runHealthChecks', () => {
  it('finds nothing in an input with nothing wrong', () => {
    const input = healthInput({
      holdings: new Map([['SPY', ['Brokerage']]]),
      comparisons: [{ symbol: 'SPY', role: 'benchmark' }],
      rows: new Map([
        [
          'SPY',
          rowsOf([
            ['2019-02-21', 270],
            ['2019-02-22', 271],
          ]),
        ],
      ]),
    });
    expect(runHealthChecks(input)).toEqual({ problems: [], summary: [] });
  });

  it('takes a new check as one more entry in the list, and counts each kind in one line', () => {
    const fxMissing: HealthCheck = () =>
      ['EUR', 'GBP'].map((currency) => ({
        kind: 'no_prices',
        symbol: null,
        accounts: [],
        day: null,
        detail: `no ${currency} rate`,
        affects: 'totals',
        fix: 'import rates',
      }));
    const input = healthInput({ holdings: new Map([['ZZZ', ['Brokerage']]]) });
    const report = runHealthChecks(input, [...HEALTH_CHECKS, fxMissing]);
    expect(report.problems.map((p) => p.detail)).toEqual([
      'no EUR rate',
      'no GBP rate',
      'ZZZ is held but has no prices in the cache.',
    ]);
    expect(report.summary).toEqual([{ kind: 'no_prices', count: 3, text: '3 holdings have no prices' }]);
  });
});
