import { describe, expect, it } from 'vitest';
import { updateQuery } from './hash-query';
import { parseBenchmark, RRG_DEFAULTS, rrgFromQuery, rrgQueryChanges } from './rrg-query';

describe('the RRG in the hash', () => {
  it('reads the week, tail, closes, benchmark and typed members beside the window', () => {
    expect(
      rrgFromQuery(
        'from=2016-10-31&to=2016-11-14&week=2016-11-11&tail=12&closes=daily&vs=iwm&members=symbols&symbols=XLF,XLK,RUT',
      ),
    ).toEqual({
      week: '2016-11-11',
      tail: 12,
      period: 'daily',
      benchmark: { kind: 'symbol', symbol: 'IWM' },
      members: 'symbols',
      symbols: ['XLF', 'XLK', 'RUT'],
    });
    expect(rrgFromQuery('vs=portfolio').benchmark).toEqual({ kind: 'portfolio' });
    expect(rrgFromQuery('vs=sleeve:financials').benchmark).toEqual({ kind: 'sleeve', sleeve: 'financials' });
    expect(rrgFromQuery('vs=%5EGSPC').benchmark).toEqual({ kind: 'symbol', symbol: '^GSPC' });
  });

  it('keeps each default where a key is missing or does not parse', () => {
    expect(rrgFromQuery('')).toEqual(RRG_DEFAULTS);
    expect(rrgFromQuery('week=2016-11-31&tail=9&closes=monthly&vs=sleeve:bonds&members=all&symbols=,,;')).toEqual(
      RRG_DEFAULTS,
    );
    expect(rrgFromQuery('week=11/11/2016').week).toBeNull();
    expect(rrgFromQuery('vs=NO%20PE').benchmark).toBeNull();
  });

  it('writes only what differs from the defaults, and keeps the window beside it', () => {
    const window = 'from=2016-10-31&to=2016-11-14';
    const query = updateQuery(window, rrgQueryChanges({ week: '2016-11-11', tail: 8, period: 'weekly' }));
    expect(query).toBe('from=2016-10-31&to=2016-11-14&week=2016-11-11');
    const more = updateQuery(
      query,
      rrgQueryChanges({
        tail: 26,
        benchmark: { kind: 'symbol', symbol: '^GSPC' },
        members: 'symbols',
        symbols: ['XLF'],
      }),
    );
    expect(more).toBe('from=2016-10-31&to=2016-11-14&week=2016-11-11&tail=26&vs=%5EGSPC&members=symbols&symbols=XLF');
    // And back: what was written reads as it was set.
    expect(rrgFromQuery(more)).toMatchObject({ week: '2016-11-11', tail: 26, benchmark: { symbol: '^GSPC' } });
    expect(updateQuery(more, rrgQueryChanges({ tail: 8, week: null, members: 'sleeves' }))).toBe(
      'from=2016-10-31&to=2016-11-14&vs=%5EGSPC&symbols=XLF',
    );
  });
});

describe('parseBenchmark', () => {
  const cached = new Set(['SPY', 'XLF', '^GSPC']);

  it('takes a cached symbol in any case, the portfolio and a sleeve by name', () => {
    expect(parseBenchmark(' xlf ', cached)).toEqual({ ok: true, value: { kind: 'symbol', symbol: 'XLF' } });
    expect(parseBenchmark('^gspc', cached)).toEqual({ ok: true, value: { kind: 'symbol', symbol: '^GSPC' } });
    expect(parseBenchmark('your portfolio', cached)).toEqual({ ok: true, value: { kind: 'portfolio' } });
    expect(parseBenchmark('Small caps sleeve', cached)).toEqual({
      ok: true,
      value: { kind: 'sleeve', sleeve: 'small_caps' },
    });
  });

  it('refuses, naming it, a symbol with no cached prices, one that is not a symbol, and nothing', () => {
    expect(parseBenchmark('nope', cached)).toEqual({
      ok: false,
      message:
        'Against: no cached prices for NOPE. Import or refresh its quotes under Import & export, or pick a symbol from the list.',
    });
    expect(parseBenchmark('S&P 500', cached)).toEqual({
      ok: false,
      message: 'Against: "S&P 500" is not a ticker symbol (letters, digits and . ^ = - only).',
    });
    expect(parseBenchmark('  ', cached)).toEqual({ ok: false, message: 'Against: type a symbol, e.g. SPY.' });
  });
});
