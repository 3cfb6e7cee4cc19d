import { describe, expect, it } from 'vitest';
import { guessDateFormat, parseDate } from './date-format';

describe('parseDate', () => {
  it('reads each layout into YYYY-MM-DD', () => {
    expect(parseDate('2016-12-31', 'YYYY-MM-DD')).toEqual({ ok: true, day: '2016-12-31', time: null });
    expect(parseDate('31/12/2016', 'DD/MM/YYYY')).toMatchObject({ day: '2016-12-31' });
    expect(parseDate('12/31/2016', 'MM/DD/YYYY')).toMatchObject({ day: '2016-12-31' });
    expect(parseDate('1.2.2016', 'DD.MM.YYYY')).toMatchObject({ day: '2016-02-01' });
    expect(parseDate('31-12-2016', 'DD-MM-YYYY')).toMatchObject({ day: '2016-12-31' });
    expect(parseDate('2016/1/5', 'YYYY/MM/DD')).toMatchObject({ day: '2016-01-05' });
    expect(parseDate('20161231', 'YYYYMMDD')).toMatchObject({ day: '2016-12-31' });
  });

  it('keeps the written date of a date-time, with its hours and minutes', () => {
    expect(parseDate('2024-01-01T23:02:36.000Z', 'YYYY-MM-DD')).toEqual({ ok: true, day: '2024-01-01', time: '23:02' });
    expect(parseDate('31.12.2016 9:05', 'DD.MM.YYYY')).toEqual({ ok: true, day: '2016-12-31', time: '09:05' });
    expect(parseDate('2016-12-31T10:00+02:00', 'day-first')).toMatchObject({ day: '2016-12-31', time: '10:00' });
    expect(parseDate('2016-12-31T25:00', 'YYYY-MM-DD').ok).toBe(false);
  });

  it('reads mixed separators in the lenient formats', () => {
    expect(parseDate('16-09-2021', 'day-first')).toMatchObject({ day: '2021-09-16' });
    expect(parseDate('17/11/2021', 'day-first')).toMatchObject({ day: '2021-11-17' });
    expect(parseDate('2021-11-17', 'day-first')).toMatchObject({ day: '2021-11-17' });
    expect(parseDate('11/17/2021', 'month-first')).toMatchObject({ day: '2021-11-17' });
  });

  it("reads in day-first every layout Ghostfolio's CSV import accepts (its parseDate helper)", () => {
    // dd-MM-yyyy, dd/MM/yyyy, dd.MM.yyyy, yyyy-MM-dd, yyyy/MM/dd, yyyy.MM.dd, yyyyMMdd, ISO 8601.
    for (const text of [
      '06-05-2022',
      '06/05/2022',
      '06.05.2022',
      '2022-05-06',
      '2022/05/06',
      '2022.05.06',
      '20220506',
    ]) {
      expect(parseDate(text, 'day-first'), text).toEqual({ ok: true, day: '2022-05-06', time: null });
    }
    expect(parseDate('2022-05-06T22:30:00.000Z', 'day-first')).toEqual({ ok: true, day: '2022-05-06', time: '22:30' });
    expect(parseDate('20220230', 'day-first')).toEqual({
      ok: false,
      reason: 'is not a calendar date (read as 2022-02-30)',
    });
    expect(parseDate('2022506', 'day-first').ok).toBe(false);
  });

  it('refuses dates that do not exist and layouts that do not match', () => {
    expect(parseDate('2016-02-30', 'YYYY-MM-DD')).toEqual({
      ok: false,
      reason: 'is not a calendar date (read as 2016-02-30)',
    });
    expect(parseDate('2015-02-29', 'YYYY-MM-DD').ok).toBe(false);
    expect(parseDate('2016-02-29', 'YYYY-MM-DD').ok).toBe(true);
    expect(parseDate('31/12/2016', 'MM/DD/YYYY').ok).toBe(false);
    expect(parseDate('2016-12-31', 'DD/MM/YYYY')).toEqual({ ok: false, reason: 'is not a date (expected DD/MM/YYYY)' });
    for (const bad of ['', 'yesterday', '2016-1-5', '16-12-31', '2016-12-31x', 'NaN']) {
      expect(parseDate(bad, 'YYYY-MM-DD').ok, bad).toBe(false);
    }
  });
});

describe('guessDateFormat', () => {
  it('picks ISO, then day first, and month first only when day first cannot read the samples', () => {
    expect(guessDateFormat(['2016-12-31'])).toBe('YYYY-MM-DD');
    expect(guessDateFormat(['31.12.2016'])).toBe('DD.MM.YYYY');
    expect(guessDateFormat(['01/02/2016'])).toBe('DD/MM/YYYY');
    expect(guessDateFormat(['01/02/2016', '12/31/2016'])).toBe('MM/DD/YYYY');
    expect(guessDateFormat(['16-09-2021', '17/11/2021'])).toBe('day-first');
    expect(guessDateFormat(['soon'])).toBeNull();
  });
});
