import { describe, expect, it } from 'vitest';
import { DEFAULT_SLEEVE_INDEXES, sleeveReference } from './sleeve-index';

describe('a sleeve’s reference index', () => {
  const has = (symbols: string[]) => (s: string) => symbols.includes(s);
  it('is the sector index when it has prices', () => {
    expect(sleeveReference('financials', 'SPY', has(['XLF']))).toEqual({
      symbol: 'XLF',
      isBenchmark: false,
      note: null,
    });
    expect(sleeveReference('small_caps', 'SPY', has(['RUT'])).symbol).toBe('RUT');
    expect(
      sleeveReference('small_caps', 'SPY', has(['IWM']), { ...DEFAULT_SLEEVE_INDEXES, small_caps: 'IWM' }).symbol,
    ).toBe('IWM');
    expect(sleeveReference('large_cap_tech', 'SPY', has(['XLK'])).symbol).toBe('XLK');
  });
  it('is the benchmark for "other", and none (with the reason) without the index’s prices', () => {
    expect(sleeveReference('other', 'SPY', has([]))).toEqual({ symbol: 'SPY', isBenchmark: true, note: null });
    expect(sleeveReference('small_caps', 'SPY', has(['XLF']))).toEqual({
      symbol: null,
      isBenchmark: false,
      note: 'No sleeve index: RUT has no prices in the cache.',
    });
  });
});
