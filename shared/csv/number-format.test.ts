import { describe, expect, it } from 'vitest';
import { guessNumberFormat, parseNumber, type NumberFormat } from './number-format';

const ok = (text: string, format: NumberFormat) => {
  const result = parseNumber(text, format);
  if (!result.ok) throw new Error(`${text} in ${format}: ${result.reason}`);
  return result.value;
};

describe('parseNumber', () => {
  it('reads each format into a plain decimal, keeping the digits as written', () => {
    expect(ok('1234.56', '1234.56')).toBe('1234.56');
    expect(ok('1,234.56', '1,234.56')).toBe('1234.56');
    expect(ok('1.234,56', '1.234,56')).toBe('1234.56');
    expect(ok('1.234.567,891', '1.234,56')).toBe('1234567.891');
    expect(ok('1 234,56', '1 234,56')).toBe('1234.56');
    expect(ok('1\u202f234,5', '1 234,56')).toBe('1234.5');
    expect(ok("1'234.50", "1'234.56")).toBe('1234.50');
    expect(ok('10.50', '1234.56')).toBe('10.50');
    expect(ok('007', '1234.56')).toBe('007');
  });

  it('drops a plus sign, turns a Unicode minus into -, and completes a bare point', () => {
    expect(ok('+5', '1234.56')).toBe('5');
    expect(ok('\u22123,5', '1.234,56')).toBe('-3.5');
    expect(ok('.5', '1234.56')).toBe('0.5');
    expect(ok('5.', '1234.56')).toBe('5');
    expect(ok(' -12 ', '1234.56')).toBe('-12');
  });

  it('refuses what the format does not write, naming the expected format', () => {
    expect(parseNumber('1,5', '1234.56')).toEqual({ ok: false, reason: 'is not a number (expected 1234.56)' });
    for (const bad of ['NaN', 'abc', '1.2.3', '', '-', '1e5', '12.34,5', '1,23.4', 'Infinity', '--1']) {
      expect(parseNumber(bad, '1234.56').ok, bad).toBe(false);
    }
    // A German number read as English has a comma group of the wrong width.
    expect(parseNumber('1.234,5', '1,234.56').ok).toBe(false);
    expect(parseNumber('12.34,5', '1.234,56').ok).toBe(false);
  });

  it('refuses numbers the store cannot hold instead of rounding them', () => {
    expect(parseNumber('1.12345678901', '1234.56')).toEqual({ ok: false, reason: 'has more than 10 decimal places' });
    expect(parseNumber('1234567890123456', '1234.56')).toMatchObject({ ok: false, reason: /too large/ });
    expect(ok('123456789012345.1234567891', '1234.56')).toBe('123456789012345.1234567891');
  });
});

describe('what brokers print around a number', () => {
  it('drops one currency mark before or after the number, and says which currency it names', () => {
    expect(parseNumber('$86.70', '1234.56')).toEqual({ ok: true, value: '86.70' });
    expect(parseNumber('-$1,234.56', '1,234.56')).toEqual({ ok: true, value: '-1234.56' });
    expect(parseNumber('$-5', '1234.56')).toEqual({ ok: true, value: '-5' });
    expect(parseNumber('1.234,56 €', '1.234,56')).toEqual({ ok: true, value: '1234.56', currency: 'EUR' });
    expect(parseNumber('€12,5', '1 234,56')).toEqual({ ok: true, value: '12.5', currency: 'EUR' });
    expect(parseNumber('£0.99', '1234.56')).toEqual({ ok: true, value: '0.99', currency: 'GBP' });
    expect(parseNumber('¥1,200', '1,234.56')).toEqual({ ok: true, value: '1200' });
    expect(parseNumber("CHF 1'234.50", "1'234.56")).toEqual({ ok: true, value: '1234.50', currency: 'CHF' });
    expect(parseNumber('US$ 7', '1234.56')).toEqual({ ok: true, value: '7', currency: 'USD' });
    expect(parseNumber('7 USD', '1234.56')).toEqual({ ok: true, value: '7', currency: 'USD' });
    expect(parseNumber('12,50\u00a0€', '1 234,56')).toEqual({ ok: true, value: '12.50', currency: 'EUR' });
  });

  it('reads parentheses as a minus sign, with or without a mark', () => {
    expect(ok('(1,234.56)', '1,234.56')).toBe('-1234.56');
    expect(ok('($1,234.56)', '1,234.56')).toBe('-1234.56');
    expect(ok('$(5.00)', '1234.56')).toBe('-5.00');
    expect(ok('(0,5)', '1.234,56')).toBe('-0.5');
  });

  it('still refuses what is not one number: two signs, two marks, a group the format does not have', () => {
    for (const bad of ['$', '()', '-(5)', '(-5)', '--$5', '$$5', '$5 €', 'USD EUR 5', '$5x', 'abc5', '(5', 'EURO 5']) {
      expect(parseNumber(bad, '1,234.56').ok, bad).toBe(false);
    }
    expect(parseNumber('$1,234.56', '1234.56')).toEqual({ ok: false, reason: 'is not a number (expected 1234.56)' });
    expect(parseNumber('1,234.56 €', '1.234,56').ok).toBe(false);
  });
});

describe('guessNumberFormat', () => {
  it('takes numbers printed for reading (a currency mark, parentheses) as grouping thousands', () => {
    expect(guessNumberFormat(['$86.70', '-$17000.03', ''])).toBe('1,234.56');
    expect(guessNumberFormat(['(12.50)'])).toBe('1,234.56');
    expect(guessNumberFormat(['12,50 €'])).toBe('1.234,56');
  });

  it('prefers plain numbers and recognises comma decimals', () => {
    expect(guessNumberFormat(['12.5', '3', ''])).toBe('1234.56');
    expect(guessNumberFormat(['1.234,56', '12,5'])).toBe('1.234,56');
    expect(guessNumberFormat(['1,234.56', '12.5'])).toBe('1,234.56');
    expect(guessNumberFormat([])).toBeNull();
    expect(guessNumberFormat(['abc'])).toBeNull();
  });
});
