import { describe, expect, it } from 'vitest';
import {
  formatClose,
  formatMoney,
  formatMoneyFit,
  formatTradeShares,
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

describe('money that must fit a card', () => {
  it('keeps every cent below a million', () => {
    for (const value of ['999999.99', 263974.13, '-5.5']) {
      const fit = formatMoneyFit(value);
      expect(fit.compact).toBe(false);
      expect(fit.text).toBe(formatMoney(value));
      expect(fit.full).toBe(fit.text);
    }
  });

  it('writes a billion to three significant places and keeps the exact figure beside it', () => {
    const fit = formatMoneyFit('1290222509.86');
    expect(fit.compact).toBe(true);
    // 1,290,222,509.86 is 1.29 billion: the digits 1, 2, 9 and nothing more.
    expect(digits(fit.text)).toBe('129');
    expect(fit.text.length).toBeLessThan(9);
    expect(digits(fit.full)).toBe('129022250986');
  });

  it('rounds at the third place and keeps the sign of a change', () => {
    // 2,345,678 is 2.35 million (2.345678 rounds up at the second decimal).
    expect(digits(formatMoneyFit(2345678).text)).toBe('235');
    const loss = formatMoneyFit('-1500000', 'USD', true);
    expect(sign(loss.text)).toBe('-');
    expect(digits(loss.text)).toBe('15');
    expect(sign(formatMoneyFit(1000000, 'USD', true).text)).toBe('+');
    expect(digits(formatMoneyFit(1000000).text)).toBe('1');
    // 129,024,000 is 129 million: three places, no decimals.
    expect(digits(formatMoneyFit(129024000).text)).toBe('129');
  });
});

describe('shares to trade', () => {
  it('rounds to whole shares a broker takes and keeps the exact count', () => {
    const shares = formatTradeShares(-12.3456789012);
    expect(shares.text).toBe('12 shares');
    expect(digits(shares.exact)).toBe('123456789012');
    expect(formatTradeShares(4.5).text).toBe('5 shares');
    expect(formatTradeShares(1.2).text).toBe('1 share');
    expect(formatTradeShares(0.3).text).toBe('under 1 share');
    expect(formatTradeShares(0.3).exact.endsWith(' shares')).toBe(true);
    expect(formatTradeShares(1).exact).toBe('1 share');
  });
});
