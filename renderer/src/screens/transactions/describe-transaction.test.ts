import { describe, expect, it } from 'vitest';
import { formatDay } from '../../format/format';
import { describeTransaction } from './describe-transaction';

const base = { symbol: null, quantity: null, amount: null, currency: 'USD' };

describe('describeTransaction', () => {
  // The date as the table writes it, whatever the test machine's locale.
  const feb20 = formatDay('2019-02-20');

  it('names a trade by its shares and symbol', () => {
    const text = describeTransaction({ ...base, type: 'buy', date: '2019-02-20', symbol: 'AAPL', quantity: '10' });
    expect(text).toBe(`the buy of 10 AAPL on ${feb20}`);
    expect(text).not.toMatch(/#|\bid\b/);
  });

  it('names cash by its amount, and a dividend by where it came from', () => {
    expect(describeTransaction({ ...base, type: 'dividend', date: '2019-02-20', symbol: 'SPY', amount: '12.3' })).toBe(
      `the dividend of $12.30 from SPY on ${feb20}`,
    );
    expect(describeTransaction({ ...base, type: 'deposit', date: '2019-02-20', amount: '1000' })).toBe(
      `the deposit of $1,000.00 on ${feb20}`,
    );
    expect(
      describeTransaction({ ...base, type: 'transfer_out', date: '2019-02-20', symbol: 'SPY', quantity: '5' }),
    ).toBe(`the transfer out of 5 SPY on ${feb20}`);
  });

  it('names a split by its ratio', () => {
    expect(describeTransaction({ ...base, type: 'split', date: '2020-08-31', symbol: 'AAPL', quantity: '4' })).toBe(
      `the 4-for-1 split of AAPL on ${formatDay('2020-08-31')}`,
    );
  });
});
