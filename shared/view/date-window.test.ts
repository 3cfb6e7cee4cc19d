import { describe, expect, it } from 'vitest';
import {
  clampWindow,
  parseDay,
  parseWindow,
  presetRange,
  windowFromQuery,
  windowLabel,
  windowQueryChanges,
} from './date-window';

const span = { from: '2008-01-02', to: '2022-06-30' };

describe('presetRange', () => {
  it('counts presets back from the span’s last day, written out by hand', () => {
    expect(presetRange('1M', span)).toEqual({ from: '2022-05-30', to: '2022-06-30' });
    expect(presetRange('3Y', span)).toEqual({ from: '2019-06-30', to: '2022-06-30' });
    expect(presetRange('5Y', span)).toEqual({ from: '2017-06-30', to: '2022-06-30' });
    expect(presetRange('YTD', span)).toEqual({ from: '2021-12-31', to: '2022-06-30' });
    expect(presetRange('1D', span)).toEqual({ from: '2022-06-29', to: '2022-06-30' });
    expect(presetRange('ALL', span)).toEqual(span);
  });

  it('clamps a preset reaching before the data to its first day', () => {
    expect(presetRange('5Y', { from: '2020-03-16', to: '2022-06-30' })).toEqual({
      from: '2020-03-16',
      to: '2022-06-30',
    });
  });

  it('keeps month ends: 1M back from Mar 31 is Feb 29 in a leap year', () => {
    expect(presetRange('1M', { from: '2000-01-01', to: '2016-03-31' }).from).toBe('2016-02-29');
  });
});

describe('clampWindow', () => {
  it('cuts a window to the span, and is null wholly outside it', () => {
    expect(clampWindow({ from: '2000-01-01', to: '2009-01-01' }, span)).toEqual({
      from: '2008-01-02',
      to: '2009-01-01',
    });
    expect(clampWindow({ from: '2016-10-31', to: '2030-01-01' }, span)).toEqual({
      from: '2016-10-31',
      to: '2022-06-30',
    });
    expect(clampWindow({ from: '2023-01-01', to: '2024-01-01' }, span)).toBeNull();
  });
});

describe('parseDay and parseWindow', () => {
  it('names the field and says what is wrong', () => {
    expect(parseDay('', 'From')).toEqual({ ok: false, message: 'From: enter a date.' });
    expect(parseDay('31/10/2016', 'From')).toEqual({
      ok: false,
      message: 'From: "31/10/2016" is not a date written YYYY-MM-DD.',
    });
    expect(parseDay('2015-02-29', 'To')).toEqual({
      ok: false,
      message: 'To: 2015-02-29 is not a day of the calendar.',
    });
    expect(parseDay(' 2016-02-29 ', 'To')).toEqual({ ok: true, value: '2016-02-29' });
  });

  it('wants from first, and some overlap with the data', () => {
    expect(parseWindow('2016-10-31', '2016-11-14', span)).toEqual({
      ok: true,
      value: { from: '2016-10-31', to: '2016-11-14' },
    });
    expect(parseWindow('2016-11-14', '2016-10-31')).toEqual({
      ok: false,
      errors: { to: 'To: 2016-10-31 is before From (2016-11-14).' },
    });
    const outside = parseWindow('2023-01-01', '2023-02-01', span);
    expect(outside.ok).toBe(false);
    expect(!outside.ok && outside.errors.from).toMatch(/the data runs 2008-01-02 to 2022-06-30/);
    expect(parseWindow('x', '')).toEqual({
      ok: false,
      errors: { from: 'From: "x" is not a date written YYYY-MM-DD.', to: 'To: enter a date.' },
    });
  });
});

describe('the hash query', () => {
  it('round-trips custom days and presets', () => {
    expect(windowFromQuery('?from=2016-10-31&to=2016-11-14')).toEqual({ from: '2016-10-31', to: '2016-11-14' });
    expect(windowQueryChanges({ from: '2016-10-31', to: '2016-11-14' })).toEqual({
      from: '2016-10-31',
      to: '2016-11-14',
      range: null,
    });
    expect(windowFromQuery('range=3y')).toEqual({ preset: '3Y' });
    expect(windowQueryChanges({ preset: 'ALL' })).toEqual({ from: null, to: null, range: 'ALL' });
  });

  it('ignores what does not parse rather than failing', () => {
    expect(windowFromQuery('from=2016-13-01&to=2016-11-14')).toBeNull();
    expect(windowFromQuery('from=2016-11-14&to=2016-10-31')).toBeNull();
    expect(windowFromQuery('range=7Y')).toBeNull();
    expect(windowFromQuery('')).toBeNull();
  });
});

describe('windowLabel', () => {
  it('says the window the way the statistics are headed', () => {
    expect(windowLabel('2016-10-31', '2016-11-14')).toBe('Oct 31 – Nov 14, 2016');
    expect(windowLabel('2015-12-30', '2016-01-04')).toBe('Dec 30, 2015 – Jan 4, 2016');
    expect(windowLabel('2016-11-14', '2016-11-14')).toBe('Nov 14, 2016');
  });
});
