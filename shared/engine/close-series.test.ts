import { describe, expect, it } from 'vitest';
import { lowerBound } from './bars';
import { closeOnOrBefore, closeSeries, indexOnOrBeforeDay } from './close-series';
import { dayToNumber } from './dates';

const series = closeSeries([
  { day: '2020-01-02', close: 10 },
  { day: '2020-01-03', close: 11 },
  { day: '2020-01-06', close: 12.5 },
]);

describe('close series', () => {
  it('holds bars as day numbers and closes', () => {
    expect(Array.from(series.days)).toEqual(['2020-01-02', '2020-01-03', '2020-01-06'].map(dayToNumber));
    expect(Array.from(series.closes)).toEqual([10, 11, 12.5]);
  });

  it('finds the close on or before a day, and where a day lands', () => {
    const at = (day: string) => indexOnOrBeforeDay(series.days, dayToNumber(day));
    expect([at('2020-01-01'), at('2020-01-02'), at('2020-01-05'), at('2020-01-06'), at('2021-01-01')]).toEqual([
      -1, 0, 1, 2, 2,
    ]);
    const lands = (day: string) => lowerBound(series.days, dayToNumber(day));
    expect([lands('2020-01-01'), lands('2020-01-03'), lands('2020-01-04'), lands('2020-01-07')]).toEqual([0, 1, 2, 3]);
  });

  it('gives the close in force on a day with the one before it, as bars', () => {
    expect(closeOnOrBefore(series, '2020-01-05')).toEqual({
      bar: { day: '2020-01-03', close: 11 },
      previous: { day: '2020-01-02', close: 10 },
    });
    expect(closeOnOrBefore(series, '2020-01-02')).toEqual({ bar: { day: '2020-01-02', close: 10 }, previous: null });
    expect(closeOnOrBefore(series, '2019-12-31')).toBeNull();
    expect(closeOnOrBefore(undefined, '2020-01-05')).toBeNull();
  });
});
