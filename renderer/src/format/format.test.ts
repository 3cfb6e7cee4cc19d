import { describe, expect, it } from 'vitest';
import {
  formatClose,
  formatMoney,
  formatPercent,
  formatPoints,
  formatPrice,
  formatQuantity,
  signClass,
} from './format';

// The tests run in whatever locale the machine has: compare digits and signs, not separators.
const digits = (text: string) => text.replace(/\D/g, '');
const sign = (text: string) => (/^[^\d]*[-−]/.test(text) ? '-' : /^[^\d]*\+/.test(text) ? '+' : '');

describe('number formatting', () => {
  it('shows a dash for blank, missing and unreadable values', () => {
    for (const value of [null, undefined, '', 'abc', Number.NaN, Infinity]) {
      expect(formatMoney(value)).toBe('—');
      expect(formatPrice(value)).toBe('—');
      expect(formatQuantity(value)).toBe('—');
    }
    expect(formatClose(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPoints(Number.NaN)).toBe('—');
  });

  it('writes money in cents, signed only when asked', () => {
    expect(digits(formatMoney('1234.5'))).toBe('123450');
    expect(sign(formatMoney(12))).toBe('');
    expect(sign(formatMoney(12, 'USD', true))).toBe('+');
    expect(sign(formatMoney(-3.5, 'USD', true))).toBe('-');
    expect(sign(formatMoney(0, 'USD', true))).toBe('');
  });

  it('keeps the decimals prices and quantities have, and four places for closes under one', () => {
    expect(digits(formatPrice('0.123456'))).toBe('0123456');
    expect(digits(formatPrice(10))).toBe('1000');
    expect(digits(formatQuantity('0.1234'))).toBe('01234');
    expect(digits(formatClose(0.1234))).toBe('01234');
    expect(digits(formatClose(12.3456))).toBe('1235');
  });

  it('reads percent numbers as percent and points as points', () => {
    expect(digits(formatPercent(12.5))).toBe('125');
    expect(sign(formatPercent(12.5, true))).toBe('+');
    expect(formatPoints(-1.25)).toMatch(/^[-−]1.(2|3) pts$/);
  });

  it('classes gains and losses, and nothing for zero or blank', () => {
    expect(signClass('2.5')).toBe('gain');
    expect(signClass(-1)).toBe('loss');
    expect(signClass(0)).toBe('');
    expect(signClass('')).toBe('');
    expect(signClass(null)).toBe('');
  });
});
