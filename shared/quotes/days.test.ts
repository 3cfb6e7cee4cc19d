import { describe, expect, it } from 'vitest';
import { addDays, compactDay, dayInZone, isRealDay } from './days';

describe('days', () => {
  it('accepts real days only', () => {
    expect(isRealDay('2019-02-28')).toBe(true);
    expect(isRealDay('2020-02-29')).toBe(true);
    expect(isRealDay('2019-02-29')).toBe(false);
    expect(isRealDay('2019-13-01')).toBe(false);
    expect(isRealDay('2019-1-01')).toBe(false);
    expect(isRealDay('19-01-01')).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2019-03-01', -1)).toBe('2019-02-28');
    expect(addDays('2018-12-28', 7)).toBe('2019-01-04');
    expect(compactDay('2019-02-22')).toBe('20190222');
  });

  it('reads a timestamp in a zone, falling back to an offset for an unknown zone', () => {
    // 2019-01-02 03:00 UTC: still the 1st in New York, the 2nd in Tokyo.
    const ts = Date.UTC(2019, 0, 2, 3) / 1000;
    expect(dayInZone(ts, 'America/New_York')).toBe('2019-01-01');
    expect(dayInZone(ts, 'Asia/Tokyo')).toBe('2019-01-02');
    expect(dayInZone(ts, 'Not/AZone', -18000)).toBe('2019-01-01');
    expect(dayInZone(ts, null)).toBe('2019-01-02');
  });
});
