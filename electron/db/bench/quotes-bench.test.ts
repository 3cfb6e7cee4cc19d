import { describe, expect, it } from 'vitest';
import { benchQuotesReadSymbol, benchQuotesUpsert, syntheticSeries } from './quotes-bench';

// The benchmarks print figures and assert nothing; this keeps the scripts themselves working
// (small sizes, shape only: wall time is never asserted).
describe('quote cache benchmarks', () => {
  it('report upsert and read figures with their baselines', () => {
    const [upsert] = benchQuotesUpsert({ symbols: 3, days: 40 });
    expect(upsert).toMatchObject({ bench: 'quotes.upsert', unit: 'rows/s' });
    expect(upsert!.value).toBeGreaterThan(0);
    expect(upsert!.ratio).toBeCloseTo(upsert!.value / upsert!.baseline!, 1);

    const [read] = benchQuotesReadSymbol({ symbols: 3, days: 40, reads: 5 });
    expect(read).toMatchObject({ bench: 'quotes.read_symbol', unit: 'ms' });
    expect(read!.value).toBeGreaterThan(0);
    expect(read!.baseline).toBeGreaterThan(0);
  });

  it('writes the same synthetic rows every time', () => {
    expect(syntheticSeries(2, 10)).toEqual(syntheticSeries(2, 10));
    expect(syntheticSeries(2, 10)[1]!.bars).toHaveLength(10);
  });
});
