import { describe, expect, it } from 'vitest';
import { Decimal } from '../engine/decimal';
import { leftOut } from './left-out';

const d = (text: string) => Decimal.parse(text);

describe('leftOut', () => {
  it('lists each other currency once, in code order, with the exact sum and count of its amounts', () => {
    const items = [
      { currency: 'USD', amount: d('500') },
      { currency: 'GBP', amount: d('0.1') },
      { currency: 'EUR', amount: d('1000') },
      { currency: 'GBP', amount: d('0.2') },
      { currency: 'EUR', amount: d('-250.5') },
    ];
    // 0.1 + 0.2 is 0.30000000000000004 in floats; the listed amount is exact.
    expect(leftOut(items, 'USD')).toEqual([
      { currency: 'EUR', amount: '749.5', count: 2 },
      { currency: 'GBP', amount: '0.3', count: 2 },
    ]);
  });

  it('is empty when everything is in the base currency', () => {
    expect(leftOut([{ currency: 'EUR', amount: d('1') }], 'EUR')).toEqual([]);
    expect(leftOut([], 'USD')).toEqual([]);
  });
});
