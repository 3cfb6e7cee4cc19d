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
