import { describe, expect, it } from 'vitest';
import { holdingHref, holdingOfHash } from './use-route';

describe('a holding’s route', () => {
  it('round-trips a symbol and an account with characters a hash must escape', () => {
    expect(holdingHref('BAS.DE')).toBe('#/holding/BAS.DE');
    expect(holdingHref('^GDAXI', 'Retirement (IRA)')).toBe('#/holding/%5EGDAXI?account=Retirement%20(IRA)');
    expect(holdingOfHash(holdingHref('EURUSD=X', 'A&B ?'))).toEqual({ symbol: 'EURUSD=X', account: 'A&B ?' });
    expect(holdingOfHash('#/holding/MSFT')).toEqual({ symbol: 'MSFT' });
  });
  it('names no holding for the other screens', () => {
    expect(holdingOfHash('#/holdings')).toBeNull();
    expect(holdingOfHash('#/holding/')).toBeNull();
  });
});

describe('a holding’s route beside the date window', () => {
  it('reads the account whatever the order of the keys, and ignores keys it does not know', () => {
    const brokerage = { symbol: 'MSFT', account: 'Brokerage' };
    expect(holdingOfHash('#/holding/MSFT?account=Brokerage&from=2016-10-31&to=2016-11-14')).toEqual(brokerage);
    expect(holdingOfHash('#/holding/MSFT?from=2016-10-31&to=2016-11-14&account=Brokerage')).toEqual(brokerage);
    expect(holdingOfHash('#/holding/MSFT?range=3Y&zzz=1')).toEqual({ symbol: 'MSFT' });
    // A malformed window is the window's problem: the account still reads.
    expect(holdingOfHash('#/holding/MSFT?from=2016-02-30&account=Brokerage')).toEqual(brokerage);
  });
  it('changes the account and keeps the window', () => {
    const keep = 'from=2016-10-31&account=Brokerage&to=2016-11-14';
    expect(holdingHref('MSFT', 'Old IRA', keep)).toBe('#/holding/MSFT?from=2016-10-31&account=Old%20IRA&to=2016-11-14');
    expect(holdingHref('MSFT', undefined, keep)).toBe('#/holding/MSFT?from=2016-10-31&to=2016-11-14');
  });
});
