import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayFromNumber, dayToNumber, dayToUtcMs, isDay, utcMsToDay, weekStart } from './dates';

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
  });

  it('knows week starts', () => {
    expect(dayFromNumber(weekStart(dayToNumber('2016-11-18')))).toBe('2016-11-14');
    expect(dayFromNumber(weekStart(dayToNumber('1969-12-31')))).toBe('1969-12-29');
  });

  it('admits every four-digit year, with no floor at 1900', () => {
    // The range's edges, and the years a 1900 floor (quotes used to have one) would refuse.
    for (const day of ['0000-01-01', '0000-02-29', '1896-05-26', '1899-12-31', '1900-01-01', '9999-12-31'])
      expect(isDay(day)).toBe(true);
    for (const day of ['10000-01-01', '-0001-01-01', '1899-02-29', '1900-02-29', '999-01-01'])
      expect(isDay(day)).toBe(false);
    expect(addDays('1899-12-31', 1)).toBe('1900-01-01');
    expect(addDays('0000-03-01', -1)).toBe('0000-02-29'); // year 0 is a leap year
    expect(dayToNumber('1899-12-31')).toBe(dayToNumber('1900-01-01') - 1);
  });

  it('converts to and from UTC instants', () => {
    expect(dayToUtcMs('2019-02-22')).toBe(Date.UTC(2019, 1, 22));
    expect(dayToUtcMs('1899-12-31')).toBe(Date.UTC(1899, 11, 31));
    expect(utcMsToDay(Date.UTC(2019, 1, 22, 23, 59))).toBe('2019-02-22');
    expect(utcMsToDay(Date.UTC(1969, 11, 31, 12))).toBe('1969-12-31');
    expect(addDays('2019-03-01', -1)).toBe('2019-02-28');
    expect(addDays('2018-12-28', 7)).toBe('2019-01-04');
  });
});
