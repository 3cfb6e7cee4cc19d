import type { UTCTimestamp } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import { tickMark } from './tick-format';

describe('chart axis ticks', () => {
  it('writes a day with its month, never a bare day number', () => {
    expect(tickMark('2019-02-15', 2, 'en-US')).toBe('Feb 15');
    expect(tickMark({ year: 2019, month: 2, day: 15 }, 2, 'en-US')).toBe('Feb 15');
    // 2019-02-15T00:00:00Z in seconds: 49 years, 12 leap days and 45 days after 1970-01-01.
    expect(tickMark((((2019 - 1970) * 365 + 12 + 45) * 86400) as UTCTimestamp, 2, 'en-US')).toBe('Feb 15');
    expect(tickMark('2019-02-15', 2, 'de-DE')).toBe('15. Feb.');
  });

  it('writes months short and years whole, in UTC whatever the machine’s zone', () => {
    expect(tickMark('2019-03-01', 1, 'en-US')).toBe('Mar');
    expect(tickMark('2019-01-01', 0, 'en-US')).toBe('2019');
    expect(tickMark('2019-01-01', 3, 'en-US')).toBeNull();
  });
});
