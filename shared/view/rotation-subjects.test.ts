import { describe, expect, it } from 'vitest';
import { tx } from '../engine/test-fixtures/transactions';
import { noBarsMessage, portfolioBars, subjectLabel } from './rotation-subjects';
import { snapshotOf } from './test-fixtures/snapshot';

describe('subjectLabel and noBarsMessage', () => {
  it('names each kind of subject, and says why it has nothing to draw', () => {
    expect(subjectLabel({ kind: 'symbol', symbol: 'RUT' })).toBe('RUT');
    expect(subjectLabel({ kind: 'sleeve', sleeve: 'small_caps' })).toBe('Small caps (your sleeve)');
    expect(subjectLabel({ kind: 'portfolio' })).toBe('Your portfolio');
    expect(noBarsMessage({ kind: 'symbol', symbol: 'RUT' })).toBe(
      'There are no cached prices for RUT. Import or refresh its quotes first.',
    );
    expect(noBarsMessage({ kind: 'sleeve', sleeve: 'financials' })).toBe(
      'Your portfolio holds nothing in the Financials sleeve.',
    );
    expect(noBarsMessage({ kind: 'portfolio' })).toBe('The portfolio has no history yet.');
  });
});

describe('portfolioBars', () => {
  // 1,000 in, 10 AAPL at 100; 500 more on the second day, when AAPL closes at 110; 99 on the third.
  const { series } = snapshotOf({
    accounts: ['Brokerage'],
    transactions: [
      tx({ id: 1, date: '2024-05-01', type: 'deposit', amount: '1000' }),
      tx({ id: 2, date: '2024-05-01', type: 'buy', symbol: 'AAPL', quantity: '10', price: '100' }),
      tx({ id: 3, date: '2024-05-02', type: 'deposit', amount: '500' }),
    ],
    bars: {
      AAPL: [
        { day: '2024-05-01', close: 100 },
        { day: '2024-05-02', close: 110 },
        { day: '2024-05-03', close: 99 },
      ],
    },
    sleeves: { AAPL: 'large_cap_tech' },
  }).result;

  it('draws the portfolio as its growth of 100, the deposit not counted as a gain', () => {
    const bars = portfolioBars(series, { kind: 'portfolio' });
    // Values 1000, 1600, 1490; the 500 arrives before the second day's move: 1600 / 1500, 1490 / 1600.
    const expected = [100, (100 * 1600) / 1500, (((100 * 1600) / 1500) * 1490) / 1600];
    expect(bars?.map((b) => b.day)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    bars?.forEach((b, i) => expect(b.close).toBeCloseTo(expected[i] as number, 10));
  });

  it('draws a sleeve as its price index, and nothing for a portfolio without history', () => {
    const tech = portfolioBars(series, { kind: 'sleeve', sleeve: 'large_cap_tech' }) ?? [];
    const expected = [100, 110, 99]; // AAPL's closes, rebased to 100
    expect(tech.map((b) => b.day)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    tech.forEach((b, i) => expect(b.close).toBeCloseTo(expected[i] as number, 10));
    const empty = snapshotOf({ accounts: ['Brokerage'], transactions: [] }).result.series;
    expect(portfolioBars(empty, { kind: 'portfolio' })).toBeNull();
    expect(portfolioBars(empty, { kind: 'sleeve', sleeve: 'small_caps' })).toBeNull();
  });
});
