import { describe, expect, it } from 'vitest';
import { parseStooqCsv, stooqDay, toStooqSymbol } from './stooq';

describe('toStooqSymbol', () => {
  it.each([
    ['AAPL', 'aapl.us'],
    ['BRK-B', 'brk-b.us'],
    ['^GSPC', '^spx'],
    ['^DJI', '^dji'],
    ['^RUT', '^rut'],
    ['VOD.L', 'vod.uk'],
    ['SAP.DE', 'sap.de'],
    ['7203.T', '7203.jp'],
    ['AAPL.US', 'aapl.us'],
    ['EURUSD=X', 'eurusd'],
    ['MC.PA', 'mc.pa'],
  ])('%s → %s', (symbol, code) => expect(toStooqSymbol(symbol)).toBe(code));
});

describe('parseStooqCsv', () => {
  it('reads the daily CSV', () => {
    const { bars } = parseStooqCsv(
      'Date,Open,High,Low,Close,Volume\n2019-02-22,171.58,173,171.38,172.97,18913154\n',
      'AAPL',
    );
    expect(bars).toEqual([
      { day: '2019-02-22', open: 171.58, high: 173, low: 171.38, close: 172.97, adjClose: null, volume: 18913154 },
    ]);
  });

  it('reads an index without a Volume column', () => {
    expect(parseStooqCsv('Date,Open,High,Low,Close\n2019-02-22,1,2,0.5,1.5\n', '^RUT').bars[0]!.volume).toBeNull();
  });

  it('treats "No data" as an error for that symbol', () => {
    expect(() => parseStooqCsv('No data', 'ZZZZ')).toThrow('Stooq has no data for ZZZZ');
  });

  it('rejects an answer that is not CSV, quoting its start', () => {
    expect(() => parseStooqCsv('Exceeded the daily hits limit', 'AAPL')).toThrow(
      /not CSV: "Exceeded the daily hits limit"/,
    );
  });

  it('names the row of a bad value', () => {
    expect(() => parseStooqCsv('Date,Open,High,Low,Close,Volume\n2019-01-02,1,2,0.5,abc,100\n', 'AAPL')).toThrow(
      `Stooq's answer for AAPL line 2, column Close: "abc" is not a number`,
    );
  });
});

describe('stooqDay', () => {
  it("writes a day as Stooq's d1/d2 parameters want it", () => {
    expect(stooqDay('2019-02-22')).toBe('20190222');
  });
});
