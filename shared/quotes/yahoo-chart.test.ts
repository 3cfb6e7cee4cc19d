import { describe, expect, it } from 'vitest';
import { QuoteDataError } from './types';
import { dayInZone, parseYahooChart, yahooErrorMessage } from './yahoo-chart';

// Shaped like a real chart answer (fields trimmed); SPY's first sessions of 2019, in New York time.
function chart(
  overrides: { meta?: object; timestamp?: number[] | null; quote?: object; adjclose?: unknown[]; events?: object } = {},
) {
  return JSON.stringify({
    chart: {
      result: [
        {
          meta: {
            currency: 'USD',
            symbol: 'SPY',
            exchangeName: 'PCX',
            fullExchangeName: 'NYSEArca',
            instrumentType: 'ETF',
            gmtoffset: -18000,
            timezone: 'EST',
            exchangeTimezoneName: 'America/New_York',
            ...overrides.meta,
          },
          timestamp: overrides.timestamp === undefined ? [1546439400, 1546525800, 1546612200] : overrides.timestamp,
          events: overrides.events,
          indicators: {
            quote: [
              {
                open: [245.98, 248.23, 247.59],
                high: [251.21, 248.57, 253.11],
                low: [245.95, 243.67, 247.17],
                close: [250.18, 244.21, 252.39],
                volume: [126925200, 144140700, 142628800],
                ...overrides.quote,
              },
            ],
            adjclose: [{ adjclose: overrides.adjclose ?? [243.92, 238.1, 246.07] }],
          },
        },
      ],
      error: null,
    },
  });
}

describe('parseYahooChart', () => {
  it('reads bars in the exchange time zone, with adjusted close and meta', () => {
    const series = parseYahooChart(chart(), 'SPY');
    expect(series.bars).toEqual([
      {
        day: '2019-01-02',
        open: 245.98,
        high: 251.21,
        low: 245.95,
        close: 250.18,
        adjClose: 243.92,
        volume: 126925200,
      },
      { day: '2019-01-03', open: 248.23, high: 248.57, low: 243.67, close: 244.21, adjClose: 238.1, volume: 144140700 },
      {
        day: '2019-01-04',
        open: 247.59,
        high: 253.11,
        low: 247.17,
        close: 252.39,
        adjClose: 246.07,
        volume: 142628800,
      },
    ]);
    expect(series.meta).toEqual({
      symbol: 'SPY',
      currency: 'USD',
      exchange: 'NYSEArca',
      kind: 'etf',
      timeZone: 'America/New_York',
      name: null,
    });
    expect(series.holes).toBe(0);
  });

  it("dates a Tokyo session by Tokyo's calendar, not UTC", () => {
    // 22:00 UTC on 3 January is 07:00 on the 4th in Tokyo.
    const series = parseYahooChart(
      chart({
        meta: { symbol: '7203.T', exchangeTimezoneName: 'Asia/Tokyo', gmtoffset: 32400 },
        timestamp: [Date.UTC(2019, 0, 3, 22) / 1000],
        quote: { open: [1], high: [1], low: [1], close: [1], volume: [1] },
        adjclose: [1],
      }),
      '7203.T',
    );
    expect(series.bars.map((b) => b.day)).toEqual(['2019-01-04']);
  });

  it('skips null holes instead of writing zeros, and counts them', () => {
    const series = parseYahooChart(
      chart({
        quote: { open: [245.98, null, 247.59], close: [250.18, null, 252.39], volume: [1, null, 3] },
        adjclose: [1, null, 3],
      }),
      'SPY',
    );
    expect(series.bars.map((b) => b.day)).toEqual(['2019-01-02', '2019-01-04']);
    expect(series.holes).toBe(1);
  });

  it('keeps a bar whose open is missing', () => {
    const series = parseYahooChart(chart({ quote: { open: [null, 248.23, 0] } }), 'SPY');
    expect(series.bars.map((b) => b.open)).toEqual([null, 248.23, null]);
  });

  it('reads dividends and splits', () => {
    const series = parseYahooChart(
      chart({
        events: {
          dividends: { '1546439400': { amount: 1.435, date: 1546439400 } },
          splits: { '1546612200': { date: 1546612200, numerator: 1231, denominator: 1000, splitRatio: '1231:1000' } },
        },
      }),
      'SPY',
    );
    expect(series.actions).toEqual([
      { kind: 'dividend', day: '2019-01-02', amount: 1.435 },
      { kind: 'split', day: '2019-01-04', numerator: 1231, denominator: 1000 },
    ]);
  });

  it('refuses a timestamp no date can hold with the symbol and the value, not "Invalid time value"', () => {
    const parse = (overrides: Parameters<typeof chart>[0]) => () => parseYahooChart(chart(overrides), 'SPY');
    expect(parse({ timestamp: [1546439400, 1e17, 1546612200] })).toThrow(
      new QuoteDataError("Yahoo's answer for SPY has a bar timestamp of 100000000000000000, which is not a date."),
    );
    // Without a time zone the day comes from the offset: the same check applies.
    expect(parse({ timestamp: [1546439400, -1e15, 1546612200], meta: { exchangeTimezoneName: null } })).toThrow(
      /bar timestamp of -1000000000000000, which is not a date/,
    );
    expect(parse({ events: { dividends: { x: { amount: 1, date: 9e12 } } } })).toThrow(
      /dividend timestamp of 9000000000000, which is not a date/,
    );
    expect(parse({ events: { splits: { x: { date: 1e300, numerator: 2, denominator: 1 } } } })).toThrow(
      /split timestamp of 1e\+300, which is not a date/,
    );
  });

  it('answers an empty range with no bars', () => {
    const body = JSON.stringify({
      chart: { result: [{ meta: { symbol: 'SPY' }, indicators: { quote: [{}], adjclose: [{}] } }], error: null },
    });
    expect(parseYahooChart(body, 'SPY').bars).toEqual([]);
  });

  it.each([
    [
      'the chart.error shape',
      JSON.stringify({
        chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
      }),
      /Not Found: No data found/,
    ],
    ['truncated JSON', chart().slice(0, 200), /not valid JSON/],
    ['an HTML page', '<html>Sign in</html>', /not valid JSON/],
    ['a response for another symbol', chart({ meta: { symbol: 'QQQ' } }), /answered for QQQ when asked for SPY/],
    ['no symbol at all', chart({ meta: { symbol: undefined } }), /does not say which symbol/],
    ['misaligned arrays', chart({ quote: { close: [1, 2] } }), /3 timestamps but 2 close values/],
    ['a price that is a string', chart({ quote: { close: ['250.18', 1, 2] } }), /unexpected shape/],
    ['a zero close', chart({ quote: { close: [0, 1, 2] } }), /close of 0/],
    ['no result', JSON.stringify({ chart: { result: [], error: null } }), /holds no result/],
  ])('rejects %s', (_name, body, message) => {
    expect(() => parseYahooChart(body, 'SPY')).toThrow(QuoteDataError);
    expect(() => parseYahooChart(body, 'SPY')).toThrow(message);
  });

  it('matches the symbol case-insensitively', () => {
    expect(parseYahooChart(chart({ meta: { symbol: 'spy' } }), 'SPY').bars).toHaveLength(3);
  });
});

describe('yahooErrorMessage', () => {
  it('reads chart.error from an error answer and nothing from others', () => {
    expect(
      yahooErrorMessage(JSON.stringify({ chart: { result: null, error: { code: 'Not Found', description: 'gone' } } })),
    ).toBe('Not Found: gone');
    expect(yahooErrorMessage(chart())).toBeNull();
    expect(yahooErrorMessage('Too Many Requests')).toBeNull();
  });
});

describe('dayInZone', () => {
  it('reads a timestamp in a zone, falling back to an offset for an unknown zone', () => {
    // 2019-01-02 03:00 UTC: still the 1st in New York, the 2nd in Tokyo.
    const ts = Date.UTC(2019, 0, 2, 3) / 1000;
    expect(dayInZone(ts, 'America/New_York')).toBe('2019-01-01');
    expect(dayInZone(ts, 'Asia/Tokyo')).toBe('2019-01-02');
    expect(dayInZone(ts, 'Not/AZone', -18000)).toBe('2019-01-01');
    expect(dayInZone(ts, null)).toBe('2019-01-02');
  });
});
