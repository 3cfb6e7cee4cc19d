import { describe, expect, it } from 'vitest';
import { windowFromQuery, windowQueryChanges } from './date-window';
import { parseQuery, queryValue, updateQuery } from './hash-query';

describe('parseQuery', () => {
  it('decodes each pair in order and skips pairs without a key', () => {
    expect(parseQuery('?account=Old%20IRA%20%26%20Co&from=2016-10-31&=x&flag&to=2016-11-14')).toEqual([
      ['account', 'Old IRA & Co'],
      ['from', '2016-10-31'],
      ['to', '2016-11-14'],
    ]);
    expect(parseQuery('')).toEqual([]);
  });

  it('keeps a stray % as typed instead of throwing', () => {
    expect(queryValue('account=100%&x=1', 'account')).toBe('100%');
  });
});

describe('updateQuery', () => {
  it('sets the window and keeps the account before it', () => {
    const query = updateQuery('account=Brokerage', windowQueryChanges({ from: '2016-10-31', to: '2016-11-14' }));
    expect(query).toBe('account=Brokerage&from=2016-10-31&to=2016-11-14');
  });

  it('changes the account where it stands and keeps the window around it', () => {
    expect(updateQuery('from=2016-10-31&account=Brokerage&to=2016-11-14', { account: 'Old IRA' })).toBe(
      'from=2016-10-31&account=Old%20IRA&to=2016-11-14',
    );
    expect(updateQuery('from=2016-10-31&to=2016-11-14', { account: null })).toBe('from=2016-10-31&to=2016-11-14');
  });

  it('replaces one form of window by the other and keeps keys it does not know', () => {
    const preset = updateQuery(
      'week=2016-11-11&from=2016-10-31&tail=12&to=2016-11-14',
      windowQueryChanges({ preset: '3Y' }),
    );
    expect(preset).toBe('week=2016-11-11&tail=12&range=3Y');
    expect(updateQuery(preset, windowQueryChanges({ from: '2016-10-31', to: '2016-11-14' }))).toBe(
      'week=2016-11-11&tail=12&from=2016-10-31&to=2016-11-14',
    );
  });

  it('drops repeats of a key it sets', () => {
    expect(updateQuery('week=2016-11-04&x=1&week=2016-11-11', { week: '2016-10-28' })).toBe('week=2016-10-28&x=1');
  });
});

describe('the window beside other keys', () => {
  it('reads the window whatever the order and whatever else the query holds', () => {
    const window = { from: '2016-10-31', to: '2016-11-14' };
    expect(windowFromQuery('account=Brokerage&from=2016-10-31&to=2016-11-14')).toEqual(window);
    expect(windowFromQuery('to=2016-11-14&account=Brokerage&from=2016-10-31')).toEqual(window);
    expect(windowFromQuery('week=2016-11-11&from=2016-10-31&zzz=1&to=2016-11-14')).toEqual(window);
  });

  it('leaves a malformed window out and the account in', () => {
    for (const query of [
      'account=Brokerage&from=2016-02-30&to=2016-11-14',
      'account=Brokerage&from=31.10.2016&to=2016-11-14',
      'account=Brokerage&from=2016-10-31',
      'account=Brokerage&from=2016-11-14&to=2016-10-31',
    ]) {
      expect(windowFromQuery(query), query).toBeNull();
      expect(queryValue(query, 'account'), query).toBe('Brokerage');
    }
  });
});
