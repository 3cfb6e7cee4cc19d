import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayFromNumber, dayToNumber, daysBetween, isDay, isoWeekday, weekStart } from './dates';

describe('dates', () => {
  it('round-trips day numbers across leap years and centuries', () => {
    expect(dayToNumber('1970-01-01')).toBe(0);
    expect(dayToNumber('2000-03-01') - dayToNumber('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(dayToNumber('1900-03-01') - dayToNumber('1900-02-28')).toBe(1); // 1900 is not
    for (let n = -719_000; n < 2_900_000; n += 997) expect(dayToNumber(dayFromNumber(n))).toBe(n);
  });

  it('validates days', () => {
    expect(isDay('2016-02-29')).toBe(true);
    expect(isDay('2015-02-29')).toBe(false);
    expect(isDay('2016-13-01')).toBe(false);
    expect(isDay('2016-1-01')).toBe(false);
    expect(isDay(20160101)).toBe(false);
    for (const bad of [
      '2016-00-10',
      '2016-04-31',
      '2016-04-00',
      '2016/04/01',
      '2016-04-01 ',
      '２016-04-01',
      '20a6-04-01',
      '',
    ])
      expect(isDay(bad)).toBe(false);
    expect(isDay('0001-01-01')).toBe(true);
    expect(isDay('2000-02-29')).toBe(true);
    expect(isDay('1900-02-29')).toBe(false);
  });

  it('adds days and clamped months', () => {
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addMonths('2016-03-31', -1)).toBe('2016-02-29');
    expect(addMonths('2016-11-14', -12)).toBe('2015-11-14');
    expect(addMonths('2016-01-15', -2)).toBe('2015-11-15');
    expect(daysBetween('2016-11-14', '2015-11-14')).toBe(-366);
  });

  it('knows weekdays and week starts', () => {
    expect(isoWeekday('2016-11-14')).toBe(1); // a Monday
    expect(isoWeekday('2016-11-13')).toBe(7);
    expect(dayFromNumber(weekStart(dayToNumber('2016-11-18')))).toBe('2016-11-14');
    expect(dayFromNumber(weekStart(dayToNumber('1969-12-31')))).toBe('1969-12-29');
  });
});
