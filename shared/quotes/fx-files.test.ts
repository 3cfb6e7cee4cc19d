import { describe, expect, it } from 'vitest';
import { pairFromFxFileName, parseFxFile } from './fx-files';
import { marketPair, pairsNeeded, stooqFxSymbol, yahooFxSymbol } from './fx-pairs';

const AT = { fetchedAt: '2026-05-01T00:00:00Z' };
const ECB = ['Date,USD,JPY,CYP,', '2008-01-02,1.4717,163.5,N/A,', '2007-12-31,1.4721,164.93,0.585274,', ''].join('\n');

describe('the ECB file', () => {
  it('gives one EUR rate per currency and day, as the decimal text written, N/A skipped', () => {
    const parsed = parseFxFile(ECB, 'eurofxref-hist.csv', AT);
    expect(parsed.format).toBe('ecb');
    expect(parsed.skipped).toBe(1);
    expect(parsed.rates.map((r) => [r.base, r.quote, r.day, r.rate, r.source])).toEqual([
      ['EUR', 'USD', '2008-01-02', '1.4717', 'ecb'],
      ['EUR', 'JPY', '2008-01-02', '163.5', 'ecb'],
      ['EUR', 'USD', '2007-12-31', '1.4721', 'ecb'],
      ['EUR', 'JPY', '2007-12-31', '164.93', 'ecb'],
      ['EUR', 'CYP', '2007-12-31', '0.585274', 'ecb'],
    ]);
  });

  it('is told by its header whatever the file is called, and read without a trailing comma too', () => {
    const plain = 'Date,USD\r\n2008-01-02,1.4717\r\n';
    expect(parseFxFile(plain, 'rates.csv', AT).rates).toEqual([
      { base: 'EUR', quote: 'USD', day: '2008-01-02', rate: '1.4717', source: 'ecb', fetchedAt: AT.fetchedAt },
    ]);
  });

  it.each([
    [ECB.replace('163.5', '16x.5'), 'f.csv line 2, column JPY: "16x.5" is not a rate above zero'],
    [ECB.replace('1.4721', '0'), 'f.csv line 3, column USD: "0" is not a rate above zero'],
    [ECB.replace('1.4721', '-1.4721'), 'f.csv line 3, column USD: "-1.4721" is not a rate above zero'],
    [ECB.replace('2007-12-31', '31/12/2007'), 'f.csv line 3, column Date: "31/12/2007" is not a date (use YYYY-MM-DD)'],
    [ECB.replace('2007-12-31', '2008-01-02'), 'f.csv line 3, column Date: repeats the day on line 2'],
    [ECB.replace('163.5,N/A,', '163.5,'), 'f.csv line 2: has 4 fields, the header has 5'],
    [ECB.replace('0.585274,', '0.585274,9'), 'f.csv line 3: has a value after the last currency column'],
    ['Date,USD,USD,\n2008-01-02,1,1,\n', 'f.csv line 1, column USD: appears twice in the header'],
    ['Date,USD,\n', 'f.csv holds no rates.'],
  ])('refuses a broken file whole, naming line and column (%#)', (text, message) => {
    expect(() => parseFxFile(text, 'f.csv', AT)).toThrow(message);
  });

  it('refuses a rate dated after today', () => {
    expect(() => parseFxFile(ECB, 'f.csv', { ...AT, today: '2008-01-01' })).toThrow(
      'f.csv line 2, column Date: 2008-01-02 is after today (2008-01-01)',
    );
  });
});

describe('a Yahoo FX file', () => {
  const YAHOO = [
    'Date,Open,High,Low,Close,Adj Close,Volume',
    '2016-11-14,1.0850,1.0860,1.0760,1.0777,1.0777,0',
    '2016-11-11,null,null,null,null,null,null',
    '2016-11-10,1.0920,1.0930,1.0880,1.089562,1.089562,0',
  ].join('\n');

  it('imports its Close column as the pair its name gives, null rows skipped, oldest first', () => {
    const parsed = parseFxFile(YAHOO, '/tmp/x/EURUSD=X.csv', AT);
    expect(parsed).toMatchObject({ format: 'yahoo', skipped: 1 });
    expect(parsed.rates.map((r) => [r.base, r.quote, r.day, r.rate, r.source])).toEqual([
      ['EUR', 'USD', '2016-11-10', '1.089562', 'file'],
      ['EUR', 'USD', '2016-11-14', '1.0777', 'file'],
    ]);
  });

  it('names the pair from a Windows path or lower case, and not from other names', () => {
    expect(pairFromFxFileName('C:\\data\\gbpusd=x.CSV')).toEqual({ base: 'GBP', quote: 'USD' });
    expect(pairFromFxFileName('EURUSD.csv')).toBeNull();
    expect(pairFromFxFileName('EUREUR=X.csv')).toBeNull();
  });

  it('refuses a bad close naming line and column, and a file it cannot place', () => {
    expect(() => parseFxFile(YAHOO.replace('1.0777,1.0777', 'n/a,1.0777'), 'EURUSD=X.csv', AT)).toThrow(
      'EURUSD=X.csv line 2, column Close: "n/a" is not a rate above zero',
    );
    expect(() => parseFxFile(YAHOO, 'SPY.csv', AT)).toThrow(/SPY.csv is not an exchange-rate file.*EURUSD=X.csv/);
  });
});

describe('pairs', () => {
  it('are written the way the market quotes them', () => {
    expect(marketPair('USD', 'EUR')).toEqual({ base: 'EUR', quote: 'USD' });
    expect(marketPair('JPY', 'USD')).toEqual({ base: 'USD', quote: 'JPY' });
    expect(marketPair('CHF', 'GBP')).toEqual({ base: 'GBP', quote: 'CHF' });
    expect(marketPair('SEK', 'NOK')).toEqual({ base: 'NOK', quote: 'SEK' });
    expect(yahooFxSymbol({ base: 'EUR', quote: 'USD' })).toBe('EURUSD=X');
    expect(stooqFxSymbol({ base: 'EUR', quote: 'USD' })).toBe('eurusd');
  });

  it('needed: each foreign currency against the base, once', () => {
    expect(pairsNeeded(['USD', 'EUR', 'JPY', 'EUR', 'GBp'], 'USD')).toEqual([
      { base: 'EUR', quote: 'USD' },
      { base: 'USD', quote: 'JPY' },
    ]);
    expect(pairsNeeded(['USD', 'EUR'], 'EUR')).toEqual([{ base: 'EUR', quote: 'USD' }]);
  });
});
