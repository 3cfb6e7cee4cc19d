import { describe, expect, it } from 'vitest';
import { parseQuoteFile } from './quotes-export-csv';

const HEADER = 'symbol,date,source,open,high,low,close,adj_close,volume,fetched_at';
const DEFAULTS = { source: 'file', fetchedAt: '2026-01-02T03:04:05.000Z' } as const;
const parse = (text: string) => parseQuoteFile(text, 'quotes.csv', DEFAULTS);

describe('parseQuoteFile', () => {
  it("reads Tiltfolio's export: several symbols and sources, empty cells as missing, times as written", () => {
    const text = [
      HEADER,
      'AAPL,2019-01-02,file,154.89,158.85,154.23,157.92,153.8,37039700,2024-05-01T10:00:00.000Z',
      'AAPL,2019-01-02,yahoo,,,,157.9,,,2024-05-02T08:00:00Z',
      'BRK-B,2019-01-03,manual,,,,201.5,,,2024-05-03T09:30:00+02:00',
      '',
    ].join('\r\n');
    expect(parse(text)).toEqual({
      format: 'tiltfolio',
      rows: [
        {
          symbol: 'AAPL',
          day: '2019-01-02',
          source: 'file',
          open: 154.89,
          high: 158.85,
          low: 154.23,
          close: 157.92,
          adjClose: 153.8,
          volume: 37039700,
          fetchedAt: '2024-05-01T10:00:00.000Z',
        },
        {
          symbol: 'AAPL',
          day: '2019-01-02',
          source: 'yahoo',
          open: null,
          high: null,
          low: null,
          close: 157.9,
          adjClose: null,
          volume: null,
          fetchedAt: '2024-05-02T08:00:00Z',
        },
        {
          symbol: 'BRK-B',
          day: '2019-01-03',
          source: 'manual',
          open: null,
          high: null,
          low: null,
          close: 201.5,
          adjClose: null,
          volume: null,
          fetchedAt: '2024-05-03T09:30:00+02:00',
        },
      ],
    });
  });

  it('fills source and fetched_at when a hand-made file leaves them out, in any column order', () => {
    const result = parse('Close,Symbol,Date\n12.5,SPY,2020-03-02\n');
    expect(result).toEqual({
      format: 'tiltfolio',
      rows: [
        {
          symbol: 'SPY',
          day: '2020-03-02',
          source: 'file',
          open: null,
          high: null,
          low: null,
          close: 12.5,
          adjClose: null,
          volume: null,
          fetchedAt: DEFAULTS.fetchedAt,
        },
      ],
    });
  });

  it("reads Yahoo's column names with a Symbol column added, and upper-cases the symbol", () => {
    const result = parse('Symbol,Date,Open,High,Low,Close,Adj Close,Volume\nvod.l,2020-03-02,1,2,0.5,1.5,1.25,10\n');
    expect(result).toMatchObject({
      format: 'tiltfolio',
      rows: [
        { symbol: 'VOD.L', day: '2020-03-02', open: 1, high: 2, low: 0.5, close: 1.5, adjClose: 1.25, volume: 10 },
      ],
    });
  });

  it('reads a Yahoo file (no symbol column) as one series, as before', () => {
    const result = parse(
      'Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-02,null,null,null,null,null,null\n2019-01-03,1,2,0.5,1.5,1.25,10\n',
    );
    expect(result).toEqual({
      format: 'daily',
      series: {
        bars: [{ day: '2019-01-03', open: 1, high: 2, low: 0.5, close: 1.5, adjClose: 1.25, volume: 10 }],
        actions: [],
        meta: null,
        holes: 1,
      },
    });
  });

  it.each([
    ['a ticker with a space', 'S P,2019-01-02,file,,,,1,,,', 'line 2, column symbol: "S P" is not a ticker'],
    ['an unknown source', 'SPY,2019-01-02,bloomberg,,,,1,,,', 'line 2, column source: "bloomberg" is not a source'],
    ['a date that does not exist', 'SPY,2019-02-30,file,,,,1,,,', 'line 2, column date: "2019-02-30" is not a date'],
    ['an empty close', 'SPY,2019-01-02,file,1,1,1,,,,', 'line 2, column close: "" is empty: every row needs a close'],
    ['a zero close', 'SPY,2019-01-02,file,,,,0,,,', 'line 2, column close: "0" is not a positive price'],
    ['a word for a price', 'SPY,2019-01-02,file,abc,,,1,,,', 'line 2, column open: "abc" is not a number'],
    ['a negative volume', 'SPY,2019-01-02,file,,,,1,,-5,', 'line 2, column volume: "-5" is negative'],
    ['a time that is no time', 'SPY,2019-01-02,file,,,,1,,,yesterday', 'line 2, column fetched_at: "yesterday"'],
    ['a missing field', 'SPY,2019-01-02,file,,,,1,,', 'line 2: has 9 fields, the header has 10'],
  ])('refuses %s, naming file, line and column', (_, row, message) => {
    expect(() => parse(`${HEADER}\n${row}\n`)).toThrow(`quotes.csv ${message}`);
  });

  it('refuses the same symbol, day and source twice, naming the earlier line', () => {
    const text = `${HEADER}\nSPY,2019-01-02,file,,,,1,,,\nSPY,2019-01-02,yahoo,,,,1,,,\nSPY,2019-01-02,file,,,,2,,,\n`;
    expect(() => parse(text)).toThrow('quotes.csv line 4, column date: "2019-01-02" repeats SPY\'s file bar on line 2');
  });

  it('refuses a column the format does not have, and a header without a close', () => {
    expect(() => parse('symbol,date,close,price\nSPY,2019-01-02,1,1\n')).toThrow(
      "quotes.csv line 1, column price: is not a column of Tiltfolio's quotes format",
    );
    expect(() => parse('symbol,date\nSPY,2019-01-02\n')).toThrow('quotes.csv line 1: the header has no close column');
  });
});
