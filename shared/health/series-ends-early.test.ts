import { describe, expect, it } from 'vitest';
import { seriesEndsEarly } from './series-ends-early';
import { healthInput, rowsOf } from './test-support/input';

describe('seriesEndsEarly', () => {
  const comparisons = [{ symbol: 'SPY', role: 'benchmark' }];
  it('flags a benchmark that ends before the portfolio, or has no prices', () => {
    const ends = healthInput({
      portfolioLastDay: '2024-06-28',
      comparisons,
      rows: new Map([['SPY', rowsOf([['2019-02-22', 279.14]])]]),
    });
    expect(seriesEndsEarly(ends)).toEqual([
      expect.objectContaining({
        symbol: 'SPY',
        day: '2019-02-22',
        detail: 'The benchmark SPY ends on 2019-02-22; the portfolio is valued to 2024-06-28.',
      }),
    ]);
    expect(seriesEndsEarly(healthInput({ portfolioLastDay: '2024-06-28', comparisons }))[0]?.detail).toBe(
      'The benchmark SPY has no prices; the portfolio is valued to 2024-06-28.',
    );
  });

  it('lets one that reaches the portfolio pass, and says nothing with no portfolio', () => {
    const rows = new Map([['SPY', rowsOf([['2019-02-22', 279.14]])]]);
    expect(seriesEndsEarly(healthInput({ comparisons, rows }))).toEqual([]);
    expect(seriesEndsEarly(healthInput({ portfolioLastDay: null, comparisons }))).toEqual([]);
  });
});
