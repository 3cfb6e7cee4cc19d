import { describe, expect, it } from 'vitest';
import { CsvRowError, parseDailyCsv } from './daily-csv';
import type { QuoteBar as Bar } from '../domain/bar';
import { barProblem, checkProviderSeries, roundingSlack, splitProblem } from './validate';

const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';
const TODAY = '2026-12-04';
const bar = (over: Partial<Bar>): Bar => ({
  day: '2019-02-22',
  open: 10,
  high: 11,
  low: 9,
  close: 10.5,
  adjClose: 10.4,
  volume: 100,
  ...over,
});

/** The message parseDailyCsv gives for one data row (line 2 of the file). */
function fileProblem(row: string): string {
  try {
    parseDailyCsv(`${HEADER}\n2019-02-21,10,11,9,10.5,10.4,100\n${row}\n`, 'SPY.csv', TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvRowError);
    return (error as Error).message;
  }
  return 'accepted';
}

describe('impossible bars in a file: one message naming the file, line and column', () => {
  it.each([
    [
      '2019-02-22,1,1e12,1,1e12,1,5',
      'SPY.csv line 3, column Close: close 1000000000000 is outside the possible prices 1e-9 to 10000000000',
    ],
    [
      '2019-02-22,,,,1e-300,,5',
      'SPY.csv line 3, column Close: close 1e-300 is outside the possible prices 1e-9 to 10000000000',
    ],
    ['2019-02-22,-1,11,9,10,10,5', 'SPY.csv line 3, column Open: open -1 is not a positive price'],
    ['2019-02-22,10,-11,9,10,10,5', 'SPY.csv line 3, column High: high -11 is not a positive price'],
    ['2019-02-22,10,11,-9,10,10,5', 'SPY.csv line 3, column Low: low -9 is not a positive price'],
    ['2019-02-22,10,11,0,10,10,5', 'SPY.csv line 3, column Low: low 0 is not a positive price'],
    ['2019-02-22,10,9,11,10,10,5', 'SPY.csv line 3, column High: high 9 is below low 11'],
    ['2206-03-01,10,11,9,10,10,5', `SPY.csv line 3, column Date: 2206-03-01 is after today (${TODAY})`],
    ['3268-01-02,10,11,9,10,10,5', `SPY.csv line 3, column Date: 3268-01-02 is after today (${TODAY})`],
    ['2026-12-05,10,11,9,10,10,5', `SPY.csv line 3, column Date: 2026-12-05 is after today (${TODAY})`],
  ])('%s', (row, message) => {
    expect(fileProblem(row)).toBe(message);
  });

  it('accepts today, rounding of the close against the range, and missing open/high/low', () => {
    // 0.1% of 100 is 0.1: 100.09 is rounding.
    expect(fileProblem(`${TODAY},99,100,98,100.09,100,5`)).toBe('accepted');
    // Half a cent on a $0.90 stock rounded to cents.
    expect(fileProblem('2019-02-22,0.9,0.9,0.88,0.905,0.9,5')).toBe('accepted');
    expect(fileProblem('2019-02-22,null,null,null,3,null,5')).toBe('accepted');
  });
});

describe('barProblem and splitProblem', () => {
  it('names the field and the reason', () => {
    expect(barProblem(bar({}), TODAY)).toBeNull();
    expect(barProblem(bar({ adjClose: -1 }), TODAY)).toEqual({
      field: 'adjClose',
      reason: 'adjClose -1 is not a positive price',
    });
    expect(barProblem(bar({ day: '2026-12-05' }), TODAY)?.field).toBe('day');
    expect(roundingSlack(100)).toBeCloseTo(0.1, 12);
    expect(roundingSlack(1)).toBeCloseTo(0.005, 12);
    expect(roundingSlack(0.01)).toBeCloseTo(0.0001, 12);
  });

  it('keeps splits between 1:10,000 and 10,000:1', () => {
    const split = (numerator: number, denominator: number) => ({
      kind: 'split' as const,
      day: '2019-01-02',
      numerator,
      denominator,
    });
    expect(splitProblem(split(7, 1))).toBeNull();
    expect(splitProblem(split(1, 200))).toBeNull();
    expect(splitProblem(split(10_000, 1))).toBeNull();
    expect(splitProblem(split(1e9, 1))).toBe('a split of 1000000000:1 is outside 10000:1 to 1:10000');
    expect(splitProblem(split(1, 20_000))).toBe('a split of 1:20000 is outside 10000:1 to 1:10000');
    expect(splitProblem(split(0, 1))).toBe('a split of 0:1 is not a ratio of positive numbers');
  });
});

describe('checkProviderSeries', () => {
  const series = (bars: Bar[], actions = [] as Parameters<typeof checkProviderSeries>[0]['actions']) => ({
    bars,
    actions,
    meta: null,
    holes: 0,
  });
  it('names the symbol and the day of an impossible bar or split', () => {
    expect(() =>
      checkProviderSeries(series([bar({}), bar({ day: '2019-02-25', high: 8 })]), 'SPY', '2019-01-01', TODAY),
    ).toThrow("The provider's bar for SPY on 2019-02-25 is impossible: high 8 is below low 9.");
    expect(() => checkProviderSeries(series([bar({ day: '2206-01-04' })]), 'SPY', '2019-01-01', TODAY)).toThrow(
      `The provider returned a bar for SPY dated 2206-01-04, after ${TODAY}.`,
    );
    expect(() =>
      checkProviderSeries(
        series([bar({})], [{ kind: 'split', day: '2019-02-20', numerator: 1e9, denominator: 1 }]),
        'SPY',
        '2019-01-01',
        TODAY,
      ),
    ).toThrow("The provider's answer for SPY on 2019-02-20: a split of 1000000000:1 is outside 10000:1 to 1:10000.");
    expect(() => checkProviderSeries(series([bar({})]), 'SPY', '2019-01-01', TODAY)).not.toThrow();
  });
});

describe("a close outside the day's low–high (Yahoo's older histories adjust the close, not the range)", () => {
  const parsed = (row: string) => parseDailyCsv(`${HEADER}\n${row}\n`, 'SPY.csv', TODAY).bars[0];

  it('keeps the close and drops the open, high and low that do not bracket it', () => {
    // 0.1% of 100 is 0.1: 100.11 is past rounding, 100.09 is not.
    expect(parsed(`${TODAY},99,100,98,100.11,100,5`)).toMatchObject({
      close: 100.11,
      open: null,
      high: null,
      low: null,
    });
    expect(parsed(`${TODAY},99,100,98,100.09,100,5`)).toMatchObject({ close: 100.09, open: 99, high: 100, low: 98 });
    expect(parsed('2019-02-22,10,11,9,8.9,8.9,5')).toMatchObject({ close: 8.9, adjClose: 8.9, high: null, low: null });
  });
});
