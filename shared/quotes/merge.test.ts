import { describe, expect, it } from 'vitest';
import { oneRowPerDay, preferredRow } from './merge';

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

describe('oneRowPerDay', () => {
  it('keeps one row a day, the preferred one, in day order', () => {
    const rows = [
      { day: '2019-02-22', source: 'file', fetchedAt: '2019-02-23' },
      { day: '2019-02-21', source: 'yahoo', fetchedAt: '2019-03-01' },
      { day: '2019-02-22', source: 'yahoo', fetchedAt: '2019-03-01' },
      { day: '2019-02-21', source: 'manual', fetchedAt: '2019-01-01' },
    ];
    expect(oneRowPerDay(rows)).toEqual([rows[3], rows[2]]);
  });
});
