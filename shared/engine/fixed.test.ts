import { describe, expect, it } from 'vitest';
import { seededRandom } from './bench-cases';
import { Decimal } from './decimal';
import * as fixed from './fixed';

// Every operation is checked against Decimal, the reference, on values across both of Decimal's
// forms (the one-float form ends at ±900,719.9) and on the shapes a ledger holds.
const random = seededRandom(2026);

function randomText(signed: boolean): string {
  const wholeDigits = Math.floor(random() * 16);
  const fractionDigits = Math.floor(random() * 11);
  let whole = '';
  for (let i = 0; i < wholeDigits; i++) whole += String(Math.floor(random() * 10));
  let fraction = '';
  for (let i = 0; i < fractionDigits; i++) fraction += String(Math.floor(random() * 10));
  const text = `${whole || '0'}${fraction ? `.${fraction}` : ''}`;
  return signed && random() < 0.4 ? `-${text}` : text;
}

function ledgerText(): string {
  const roll = random();
  if (roll < 0.3) return String(1 + Math.floor(random() * 500)); // shares
  if (roll < 0.6) return (random() * 900).toFixed(2); // a price
  if (roll < 0.8) return (random() * 3_000_000).toFixed(2); // an amount past the one-float form
  return randomText(false);
}

const values = (count: number, signed: boolean) =>
  Array.from({ length: count }, () => Decimal.parse(random() < 0.5 ? ledgerText() : randomText(signed)));

const LIMIT = Decimal.parse('9007199254740991');

/** The fixed-point result, or the same refusal Decimal's answer would need. */
function expectLike(run: () => fixed.Fixed, reference: Decimal): void {
  if (reference.abs().gt(LIMIT)) {
    expect(run).toThrow(/exact range/);
    return;
  }
  expect(run().toDecimal().toString()).toBe(reference.toString());
}

function of(d: Decimal): fixed.Fixed {
  const value = new fixed.Fixed();
  value.setDecimal(d);
  return value;
}

function limbs(d: Decimal): [number, number] {
  const value = of(d);
  return [value.whole, value.units];
}

/** a, changed in place by `change`, on a copy. */
function changed(a: Decimal, change: (value: fixed.Fixed) => void): () => fixed.Fixed {
  return () => {
    const value = of(a);
    change(value);
    return value;
  };
}

describe('fixed-point decimals', () => {
  it('round-trip through Decimal, with units in [0, 10¹⁰)', () => {
    for (const d of values(2000, true)) {
      const [whole, units] = limbs(d);
      expect(Number.isSafeInteger(whole) && units >= 0 && units < fixed.UNIT && Number.isInteger(units)).toBe(true);
      expect(fixed.toDecimal(whole, units).eq(d)).toBe(true);
      expect(fixed.toNumber(whole, units)).toBe(d.toNumber());
    }
  });

  it('add, subtract, compare and multiply as Decimal does, with its rounding', () => {
    const a = values(1500, true);
    const b = values(1500, true);
    a.forEach((x, i) => {
      const y = b[i] as Decimal;
      expectLike(
        changed(x, (value) => value.add(of(y))),
        x.add(y),
      );
      expectLike(
        changed(x, (value) => value.sub(of(y))),
        x.sub(y),
      );
      expect(of(x).compare(of(y))).toBe(x.cmp(y));
      expect(of(x).equals(of(y))).toBe(x.eq(y));
      expectLike(
        changed(Decimal.ZERO, (value) => value.setProduct(of(x), of(y))),
        x.mul(y),
      );
      // A product into one of its own operands.
      expectLike(
        changed(x, (value) => value.setProduct(value, of(y))),
        x.mul(y),
      );
      // The in-place form says the same.
      const total = new fixed.Fixed();
      total.setDecimal(x);
      const other = new fixed.Fixed();
      other.setDecimal(y);
      expect(total.compare(other)).toBe(x.cmp(y));
      expect([total.isZero(), total.isPositive(), total.isNegative()]).toEqual([
        x.isZero(),
        x.isPositive(),
        x.isNegative(),
      ]);
      if (x.sub(y).abs().lte(LIMIT)) {
        total.sub(other);
        expect(total.toDecimal().toString()).toBe(x.sub(y).toString());
        total.add(other);
        expect(total.toDecimal().eq(x)).toBe(true);
      }
    });
  });

  it('take a pro-rata part (a × n ÷ d) with one rounding, like Decimal.mulDiv', () => {
    const cases: [Decimal, Decimal, Decimal][] = [];
    for (let i = 0; i < 3000; i++) {
      const d = Decimal.parse(random() < 0.7 ? String(1 + Math.floor(random() * 400)) : randomText(false));
      if (d.isZero()) continue;
      const n = random() < 0.7 ? Decimal.parse(String(Math.floor(random() * 400))) : Decimal.parse(randomText(false));
      cases.push([Decimal.parse(ledgerText()), n, d]);
    }
    // Ties, where half-to-even decides: 0.0000000005 × 1 ÷ 2 and friends.
    cases.push([Decimal.parse('0.0000000001'), Decimal.ONE, Decimal.parse('2')]);
    cases.push([Decimal.parse('0.0000000003'), Decimal.ONE, Decimal.parse('2')]);
    for (const [a, n, d] of cases) {
      expectLike(
        changed(Decimal.ZERO, (value) => value.setMulDiv(of(a), of(n), of(d))),
        a.mulDiv(n, d),
      );
    }
  });

  it('parse the plain shapes and decline the rest', () => {
    const value = new fixed.Fixed();
    for (const text of ['100', '27.5', '0.0001', '5.', '.25', '123456789012345.0123456789']) {
      expect(value.parse(text)).toBe(true);
      expect(value.toDecimal().eq(Decimal.parse(text))).toBe(true);
    }
    for (const text of ['', '.', '-1', '+1', '1e3', ' 7', '1,000', '1.00000000001', '1234567890123456']) {
      value.set(3, 0);
      expect(value.parse(text)).toBe(false);
      expect(value.toDecimal().toString()).toBe('3'); // left as it was
    }
  });

  it('refuses to leave the exact range instead of rounding', () => {
    const limit = of(Decimal.parse('9007199254740991'));
    expect(() => limit.add(of(Decimal.ONE))).toThrow(/exact range/);
  });
});
