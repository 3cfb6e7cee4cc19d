import { describe, expect, it } from 'vitest';
import { preferredRow } from './merge';

describe('preferredRow', () => {
  it('prefers a typed price, then the newest fetch, then a stable order', () => {
    const manual = { source: 'manual', fetchedAt: '2019-01-01' };
    const yahoo = { source: 'yahoo', fetchedAt: '2019-03-01' };
    const file = { source: 'file', fetchedAt: '2019-02-01' };
    expect(preferredRow(yahoo, manual)).toBe(manual);
    expect(preferredRow(manual, yahoo)).toBe(manual);
    expect(preferredRow(file, yahoo)).toBe(yahoo);
    expect(preferredRow(yahoo, file)).toBe(yahoo);
    const stooq = { source: 'stooq', fetchedAt: '2019-03-01' };
    expect(preferredRow(yahoo, stooq)).toBe(stooq);
    expect(preferredRow(stooq, yahoo)).toBe(stooq);
  });
});
