import { describe, expect, it } from 'vitest';
import { closeSeries } from './close-series';
import { dayFromNumber, dayToNumber } from './dates';
import { gridCloses, unionCalendar } from './price-grid';
import { rowsOf, StateLog } from './state-log';

const bars = (days: string[]) => closeSeries(days.map((day, i) => ({ day, close: 10 + i })));
const numbers = (days: string[]) => Int32Array.from(days.map(dayToNumber));
const union = (series: ReturnType<typeof bars>[], from: string, to: string) =>
  Array.from(unionCalendar(series, dayToNumber(from), dayToNumber(to)), dayFromNumber);

describe('price grid', () => {
  it('unions calendars within a range', () => {
    const a = bars(['2020-01-02', '2020-01-03', '2020-01-06']);
    const b = bars(['2020-01-03', '2020-01-06', '2020-01-07']);
    expect(union([a, b], '2020-01-03', '2020-01-07')).toEqual(['2020-01-03', '2020-01-06', '2020-01-07']);
    expect(union([b, a], '2020-01-01', '2020-12-31')).toEqual(['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07']);
    expect(union([a, a], '2020-01-01', '2020-12-31')).toEqual(['2020-01-02', '2020-01-03', '2020-01-06']);
    // A series that ends early, or runs past the range, adds only its days in range.
    expect(union([a, bars(['2020-01-02'])], '2020-01-01', '2020-01-03')).toEqual(['2020-01-02', '2020-01-03']);
    expect(union([], '2020-01-01', '2020-12-31')).toEqual([]);
  });

  it('carries the last close onto later days and marks it, with nothing before the first', () => {
    const grid = gridCloses(
      bars(['2020-01-03', '2020-01-07']),
      numbers(['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08']),
    );
    expect(Array.from(grid.prices).map((p) => (Number.isNaN(p) ? null : p))).toEqual([null, 10, 10, 11, 11]);
    expect(Array.from(grid.carried)).toEqual([0, 0, 1, 0, 1]);
    expect(grid.firstIndex).toBe(1);
    // A close from before the calendar starts is carried into it.
    expect(Array.from(gridCloses(bars(['2019-12-31']), numbers(['2020-01-02'])).carried)).toEqual([1]);
  });
});

describe('StateLog', () => {
  it('grows and groups rows by key in write order', () => {
    const log = new StateLog(2);
    for (let i = 0; i < 10; i++) log.push(i % 3, i, Float64Array.of(i * 1.5, -i));
    const groups = rowsOf(log.sortedByKey(4));
    expect(Array.from(groups[0]?.day ?? [])).toEqual([0, 3, 6, 9]);
    expect(Array.from(groups[1]?.a ?? [])).toEqual([1.5, 6, 10.5]);
    expect(Array.from(groups[2]?.b ?? [])).toEqual([-2, -5, -8]);
    expect(groups[3]?.day).toHaveLength(0);
  });
});
