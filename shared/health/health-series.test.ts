import { describe, expect, it } from 'vitest';
import { addDays } from '../engine/dates';
import { FAR_APART_DAYS } from './health-series';
import { GAP_WEEKDAYS, weekdaysBetween } from './price-gaps';

describe('FAR_APART_DAYS', () => {
  it('never hides a gap: days that close hold at most GAP_WEEKDAYS weekdays between them', () => {
    // Every weekday a pair can start on (a week from Monday 2019-01-07), every distance up to it.
    for (let start = 0; start < 7; start++) {
      const from = addDays('2019-01-07', start);
      for (let apart = 1; apart <= FAR_APART_DAYS; apart++)
        expect(weekdaysBetween(from, addDays(from, apart))).toBeLessThanOrEqual(GAP_WEEKDAYS);
    }
    // Not much looser than it must be: two days further, Monday to the Wednesday after, is a gap.
    expect(weekdaysBetween('2019-01-07', addDays('2019-01-07', FAR_APART_DAYS + 2))).toBeGreaterThan(GAP_WEEKDAYS);
  });
});
