import { describe, expect, it } from 'vitest';
import { Decimal, DecimalError } from './decimal';

const d = (text: string) => Decimal.parse(text);

describe('Decimal', () => {
  it('adds 0.1 + 0.2 dollars ten thousand times to exactly 3000.00', () => {
    let total = Decimal.ZERO;
    for (let i = 0; i < 10_000; i++) total = total.add(d('0.1')).add(d('0.2'));
    expect(total.toString()).toBe('3000');
    expect(total.toFixed(2)).toBe('3000.00');
    expect(total.eq(Decimal.fromInteger(3000))).toBe(true);
    // The float the engine refuses to use drifts away from the cents.
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += 0.1 + 0.2;
    expect(float).not.toBe(3000);
  });

  it('parses plain, signed, fractional and exponent forms', () => {
    expect(d('100').toString()).toBe('100');
    expect(d('-0.25').toString()).toBe('-0.25');
    expect(d('+.5').toString()).toBe('0.5');
    expect(d('27.799999').toString()).toBe('27.799999');
    expect(d(' 7 ').toString()).toBe('7');
    expect(d('1e-3').toString()).toBe('0.001');
    expect(d('1.5E3').toString()).toBe('1500');
    expect(d('123456789012345678901234.5').toString()).toBe('123456789012345678901234.5');
    expect(d('-0').toString()).toBe('0');
  });

  it('rejects garbage with a message quoting it', () => {
    for (const bad of ['NaN', 'Infinity', '', '1,000', '$5', '1.2.3', '--1', 'e5', '1e99999999']) {
      expect(() => d(bad)).toThrow(DecimalError);
    }
    expect(() => d('abc')).toThrow('Not a decimal number: "abc".');
    expect(() => Decimal.fromNumber(Number.NaN)).toThrow(DecimalError);
  });

  it('rounds past the 10th place half to even', () => {
    expect(d('0.00000000005').toString()).toBe('0'); // tie → even (0)
    expect(d('0.00000000015').toString()).toBe('0.0000000002'); // tie → even (2)
    expect(d('0.000000000151').toString()).toBe('0.0000000002');
    expect(d('-0.00000000015').toString()).toBe('-0.0000000002');
    expect(d('2.5').round(0).toString()).toBe('2');
    expect(d('3.5').round(0).toString()).toBe('4');
    expect(d('-2.5').round(0).toString()).toBe('-2');
    expect(d('1.005').round(2).toString()).toBe('1'); // exact tie in decimal, unlike the float 1.005
    expect(d('1.015').round(2).toString()).toBe('1.02');
  });

  it('multiplies and divides with one rounding', () => {
    expect(d('120').mul(d('27.5')).toString()).toBe('3300');
    expect(d('0.1').mul(d('0.2')).toString()).toBe('0.02');
    expect(d('1').div(d('3')).toString()).toBe('0.3333333333');
    expect(d('2').div(d('3')).toString()).toBe('0.6666666667');
    expect(d('-2').div(d('3')).toString()).toBe('-0.6666666667');
    expect(d('1000').mulDiv(d('1'), d('3')).toString()).toBe('333.3333333333');
    expect(() => d('1').div(Decimal.ZERO)).toThrow('Division by zero.');
  });

  it('compares, formats and converts', () => {
    expect(d('1.50').toFixed(2)).toBe('1.50');
    expect(d('-3').toFixed(1)).toBe('-3.0');
    expect(d('0.1').cmp(d('0.10'))).toBe(0);
    expect(d('0.1').lt(d('0.2'))).toBe(true);
    expect(Decimal.sum([d('0.1'), d('0.2'), d('-0.3')]).isZero()).toBe(true);
    expect(Decimal.fromNumber(27.799999).toString()).toBe('27.799999');
    expect(d('1234.5678').toNumber()).toBe(1234.5678);
    expect(d('12345678901234567.5').toNumber()).toBe(Number('12345678901234567.5')); // beyond 2^53: the nearest float
    expect(JSON.stringify({ cash: d('10.50') })).toBe('{"cash":"10.5"}');
  });
});
