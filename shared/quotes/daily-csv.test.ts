import { describe, expect, it } from 'vitest';
import { CsvRowError, parseDailyCsv } from './daily-csv';

const YAHOO_HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

describe('parseDailyCsv', () => {
  it('reads a Yahoo CSV (rows as published, float noise kept)', () => {
    const text = `${YAHOO_HEADER}\n2019-02-21,270.190002,270.540009,268.730011,269.839996,264.032715,69847000\n2019-02-22,270.480011,271.399994,270.260010,271.399994,265.559174,56659700\n`;
    expect(parseDailyCsv(text, 'SPY.csv')).toEqual({
      bars: [
        {
          day: '2019-02-21',
          open: 270.190002,
          high: 270.540009,
          low: 268.730011,
          close: 269.839996,
          adjClose: 264.032715,
          volume: 69847000,
        },
        {
          day: '2019-02-22',
          open: 270.480011,
          high: 271.399994,
          low: 270.26001,
          close: 271.399994,
          adjClose: 265.559174,
          volume: 56659700,
        },
      ],
      actions: [],
      meta: null,
      holes: 0,
    });
  });

  it('reads Stooq columns (no Adj Close), CRLF, a BOM, any column order and sorts by day', () => {
    const text = '\uFEFFDate,Close,Open,High,Low,Volume\r\n2019-01-03,2,1,3,0.5,10\r\n2019-01-02,1.5,1,2,1,\r\n';
    const { bars } = parseDailyCsv(text, 'x');
    expect(bars).toEqual([
      { day: '2019-01-02', open: 1, high: 2, low: 1, close: 1.5, adjClose: null, volume: null },
      { day: '2019-01-03', open: 1, high: 3, low: 0.5, close: 2, adjClose: null, volume: 10 },
    ]);
  });

  it('skips rows whose close is null (Yahoo holes) and counts them', () => {
    const text = `${YAHOO_HEADER}\n2019-01-02,null,null,null,null,null,null\n2019-01-03,1,1,1,1,1,1\n`;
    const series = parseDailyCsv(text, 'SPY.csv');
    expect(series.bars.map((b) => b.day)).toEqual(['2019-01-03']);
    expect(series.holes).toBe(1);
  });

  it.each([
    [
      `${YAHOO_HEADER}\n2019-01-02,1,1,1,1,1,1\n2019-01-03,1,1,1,abc,1,1\n`,
      'SPY.csv line 3, column Close: "abc" is not a number',
    ],
    [
      `${YAHOO_HEADER}\n01/02/2019,1,1,1,1,1,1\n`,
      'SPY.csv line 2, column Date: "01/02/2019" is not a date (use YYYY-MM-DD)',
    ],
    [`${YAHOO_HEADER}\n2019-02-30,1,1,1,1,1,1\n`, 'SPY.csv line 2, column Date: "2019-02-30" is not a date'],
    [`${YAHOO_HEADER}\n2019-01-02,1,1,1,1,1\n`, 'SPY.csv line 2: has 6 fields, the header has 7'],
    [
      `${YAHOO_HEADER}\n2019-01-02,1,1,1,1,1,1\n2019-01-02,1,1,1,1,1,1\n`,
      'SPY.csv line 3, column Date: "2019-01-02" repeats the day on line 2',
    ],
    [`${YAHOO_HEADER}\n2019-01-02,1,1,1,-3,1,1\n`, 'SPY.csv line 2, column Close: "-3" is not a positive price'],
    [`${YAHOO_HEADER}\n2019-01-02,1,1,1,1,1,-5\n`, 'SPY.csv line 2, column Volume: "-5" is negative'],
    ['Day,Price\n2019-01-02,1\n', 'SPY.csv line 1: the header has no Date column'],
    ['', 'SPY.csv is empty'],
  ])('names the file, line and column of a bad row (%#)', (text, message) => {
    expect(() => parseDailyCsv(text, 'SPY.csv')).toThrow(message);
  });

  it('throws CsvRowError carrying the position', () => {
    try {
      parseDailyCsv(`${YAHOO_HEADER}\n\n2019-01-02,1,x,1,1,1,1\n`, 'a.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvRowError);
      expect(error).toMatchObject({ file: 'a.csv', line: 3, column: 'High' });
    }
  });

  it('reads quoted fields', () => {
    const { bars } = parseDailyCsv(`"Date","Close"\n"2019-01-02","1.5"\n`, 'q.csv');
    expect(bars).toEqual([
      { day: '2019-01-02', open: null, high: null, low: null, close: 1.5, adjClose: null, volume: null },
    ]);
  });
});
