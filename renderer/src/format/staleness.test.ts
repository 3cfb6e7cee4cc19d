import { describe, expect, it } from 'vitest';
import { ageWords, daysOld, staleNote } from './staleness';

describe('staleness', () => {
  it('counts calendar days to today and names the age in its largest whole unit', () => {
    // 2019-02-22 to 2019-03-01: 28 − 22 + 1 = 7 days.
    expect(daysOld('2019-02-22', Date.UTC(2019, 2, 1, 9))).toBe(7);
    expect(daysOld('2030-01-01', Date.UTC(2019, 2, 1))).toBe(0);
    expect([ageWords(1), ageWords(60), ageWords(61), ageWords(364), ageWords(365), ageWords(800)]).toEqual([
      '1 day',
      '60 days',
      '2 months',
      '11 months',
      '1 year',
      '2 years',
    ]);
  });

  it('stays silent up to 4 days behind and speaks from the 5th', () => {
    expect(staleNote('2024-05-03', Date.UTC(2024, 4, 7, 23))).toBeNull();
    expect(staleNote('2024-05-03', Date.UTC(2024, 4, 8, 1))).toMatch(/^as of .+ — 5 days old$/);
    expect(staleNote(null, Date.UTC(2024, 4, 8))).toBeNull();
  });
});
