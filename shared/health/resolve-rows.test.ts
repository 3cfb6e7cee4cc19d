import { describe, expect, it } from 'vitest';
import type { HealthRow } from './health-problem';
import { resolveRows } from './resolve-rows';

const row = (day: string, source: string, fetchedAt: string, close: number): HealthRow => ({
  day,
  close,
  high: null,
  low: null,
  source,
  fetchedAt,
});

describe('resolveRows', () => {
  it('keeps the preferred row a day (typed, then newest fetch), in day order, and works it out once per rows array', () => {
    const rows = [
      row('2019-02-22', 'file', '2019-02-23', 1),
      row('2019-02-21', 'yahoo', '2019-03-01', 2),
      row('2019-02-22', 'yahoo', '2019-03-01', 3),
      row('2019-02-21', 'manual', '2019-01-01', 4),
    ];
    const first = resolveRows(rows);
    expect(first.map((r) => r.close)).toEqual([4, 3]);
    // The five checks that read a symbol's rows share one answer.
    expect(resolveRows(rows)).toBe(first);
    // Another array (another health:check's read) is worked out afresh.
    const again = resolveRows([...rows, row('2019-02-25', 'file', '2019-02-26', 5)]);
    expect(again.map((r) => r.close)).toEqual([4, 3, 5]);
  });
});
