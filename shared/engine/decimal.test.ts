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

describe('Decimal: the float and BigInt forms agree', () => {
  // Reference arithmetic on plain BigInt units, the way the engine did it before the float form.
  const SCALE = 10n ** 10n;
  const roundHalfEven = (n: bigint, d: bigint): bigint => {
    if (d < 0n) [n, d] = [-n, -d];
    const q = n / d;
    const r = n - q * d;
    if (r === 0n) return q;
    const twice = (r < 0n ? -r : r) * 2n;
    const away = n < 0n ? q - 1n : q + 1n;
    if (twice > d) return away;
    if (twice < d) return q;
    return q % 2n === 0n ? q : away;
  };
  const text = (units: bigint): string => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(11, '0');
    const fraction = digits.slice(-10).replace(/0+$/, '');
    return `${negative ? '-' : ''}${digits.slice(0, -10)}${fraction ? `.${fraction}` : ''}`;
  };
  // Values clustered around 2^53 units (±900,719.9254740991), where the forms hand over, and small ones.
  const LIMIT = 2n ** 53n;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sample = (): bigint => {
    const pick = random();
    const sign = random() < 0.5 ? -1n : 1n;
    if (pick < 0.4) return sign * (LIMIT + BigInt(Math.floor((random() - 0.5) * 2000)));
    if (pick < 0.6) return sign * (LIMIT / 2n + BigInt(Math.floor((random() - 0.5) * 2000)));
    if (pick < 0.7) return sign * BigInt(Math.floor(random() * 1e15));
    // Whole numbers and 5-decimal values: the float path of mul.
    if (pick < 0.75) return sign * BigInt(Math.floor(random() * 1e6)) * 10n ** 10n;
    if (pick < 0.8) return sign * BigInt(Math.floor(random() * 1e11)) * 10n ** 5n;
    return sign * BigInt(Math.floor(random() * 1e6)) * 10n ** 20n + BigInt(Math.floor(random() * 1e9));
  };

  it('matches BigInt arithmetic on 20,000 random pairs across the 2^53 boundary', () => {
    for (let i = 0; i < 20_000; i++) {
      const a = sample();
      const b = sample();
      const x = Decimal.fromUnits(a);
      const y = Decimal.fromUnits(b);
      expect(x.toString()).toBe(text(a));
      expect(x.add(y).toString()).toBe(text(a + b));
      expect(x.sub(y).toString()).toBe(text(a - b));
      expect(x.add(y).sub(y).eq(x)).toBe(true);
      expect(x.mul(y).toString()).toBe(text(roundHalfEven(a * b, SCALE)));
      if (b !== 0n) expect(x.div(y).toString()).toBe(text(roundHalfEven(a * SCALE, b)));
      expect(x.cmp(y)).toBe(a < b ? -1 : a > b ? 1 : 0);
      expect(x.eq(y)).toBe(a === b);
      expect(x.neg().toString()).toBe(text(-a));
      expect(x.isNegative()).toBe(a < 0n);
      expect(x.units).toBe(a);
      expect(Decimal.parse(text(a)).eq(x)).toBe(true);
    }
  });

  it('keeps one form per value, so equal values compare equal whichever way they were made', () => {
    const big = Decimal.parse('900719.9254740993'); // 2^53 + 1 units
    const back = big.sub(Decimal.parse('0.0000000002'));
    expect(back.eq(Decimal.parse('900719.9254740991'))).toBe(true);
    expect(back.small).toBe(9007199254740991);
    expect(big.sub(big).isZero()).toBe(true);
    expect(Decimal.parse('-0').eq(Decimal.ZERO)).toBe(true);
    expect(Object.is(Decimal.parse('5').sub(Decimal.parse('5')).small, 0)).toBe(true);
  });
});
