import { describe, expect, it } from 'vitest';
import { dayToNumber } from '../engine/dates';
import { fxTable } from './rate-lookup';
import { baseRateSeries } from './rate-series';

const manual = (day: string, rate: string) => ({
  base: 'EUR',
  quote: 'USD',
  day,
  rate,
  source: 'manual',
  fetchedAt: '2026-01-01T00:00:00Z',
});

describe('baseRateSeries', () => {
  it('gives a rate for every day up to 7 days after the last, then NaN until the next', () => {
    const table = fxTable([manual('2020-01-01', '1.25'), manual('2020-01-20', '1.5')]);
    const series = baseRateSeries(table, 'USD', 'EUR');
    const at = (day: string) => series.closes[series.days.indexOf(dayToNumber(day))];
    expect(at('2020-01-01')).toBe(0.8);
    expect(at('2020-01-08')).toBe(0.8);
    expect(at('2020-01-09')).toBeNaN();
    expect(at('2020-01-19')).toBeNaN();
    expect(at('2020-01-20')).toBe(0.6666666667);
    expect(at('2020-01-27')).toBe(0.6666666667);
    // The last day is the first without a rate, so nothing later carries an old one forward.
    expect(series.days.at(-1)).toBe(dayToNumber('2020-01-28'));
    expect(series.closes.at(-1)).toBeNaN();
  });

  it('is empty when no pair reaches the currency', () => {
    expect(baseRateSeries(fxTable([]), 'USD', 'EUR').days.length).toBe(0);
  });
});
