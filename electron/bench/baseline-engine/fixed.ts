// Exact decimals for the ledger's replay, without an object per value.
//
// A value is `whole + units × 10⁻¹⁰`: `whole` a safe integer (floored, so it carries the sign)
// and `units` an integer in [0, 10¹⁰), each held in a float. These are exactly Decimal's numbers
// (SCALE 10) up to ±9·10¹⁵, and adding two of them is two float additions and a carry, all exact.
// Decimal's one-float form stops at ±900,719.9, which a cash balance passes early; its BigInt
// form beyond costs an allocation per step. Products round as Decimal does (half to even, one
// rounding) and are checked against it (fixed.test.ts).
//
// Results of the operations below land in the two-slot register `R` (whole, units): read them
// before the next call.
import { Decimal, DecimalError } from './decimal';

export const UNIT = 1e10;
const UNIT_BIG = 10_000_000_000n;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Below this `whole`, `whole × UNIT + units` is a safe integer. */
const SAFE_WHOLE = Math.floor(MAX_SAFE / UNIT) - 1;
// Half the safe range: a quotient taken in floats may be off by one, and its check must not overflow.
const EXACT_PRODUCT = 2 ** 52;
const FRACTION_SCALE = [1e10, 1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1];

/** The result register: [whole, units]. */
export const R = new Float64Array(2);

export function tooLarge(): never {
  throw new DecimalError(`Beyond the ledger's exact range of ±${MAX_SAFE.toLocaleString('en-US')}.`);
}

/**
 * One exact value changed in place: a running total, a lot's figure, a record's field. The
 * methods take whole and units apart (or another Fixed) so that nothing is allocated.
 */
export class Fixed {
  whole = 0;
  units = 0;

  set(whole: number, units: number): void {
    this.whole = whole;
    this.units = units;
  }

  setTo(other: Fixed): void {
    this.whole = other.whole;
    this.units = other.units;
  }

  /** Takes the result register R. */
  setResult(): void {
    this.whole = R[0] as number;
    this.units = R[1] as number;
  }

  setDecimal(value: Decimal): void {
    fromDecimal(value);
    this.setResult();
  }

  // Worked here rather than through add(), sub() and compare(): a float passed to a call the
  // optimiser did not inline is boxed, an allocation per argument, and the replay calls these
  // millions of times. The same holds for every method that takes a Fixed instead of floats.
  add(other: Fixed): void {
    let units = this.units + other.units;
    let whole = this.whole + other.whole;
    if (units >= UNIT) {
      units -= UNIT;
      whole += 1;
    }
    if (whole > MAX_SAFE || whole < -MAX_SAFE) tooLarge();
    this.whole = whole;
    this.units = units;
  }

  sub(other: Fixed): void {
    let units = this.units - other.units;
    let whole = this.whole - other.whole;
    if (units < 0) {
      units += UNIT;
      whole -= 1;
    }
    if (whole > MAX_SAFE || whole < -MAX_SAFE) tooLarge();
    this.whole = whole;
    this.units = units;
  }

  compare(other: Fixed): number {
    const a = this.whole;
    const b = other.whole;
    if (a !== b) return a < b ? -1 : 1;
    return this.units !== other.units ? (this.units < other.units ? -1 : 1) : 0;
  }

  isZero(): boolean {
    return this.whole === 0 && this.units === 0;
  }

  isPositive(): boolean {
    return this.whole > 0 || (this.whole === 0 && this.units > 0);
  }

  isNegative(): boolean {
    return this.whole < 0;
  }

  toDecimal(): Decimal {
    return toDecimal(this.whole, this.units);
  }

  toNumber(): number {
    return toNumber(this.whole, this.units);
  }
}

/** Splits a safe-integer count of units into R. */
export function splitUnits(units: number): void {
  let whole = Math.floor(units / UNIT);
  let rest = units - whole * UNIT;
  if (rest < 0) {
    whole -= 1;
    rest += UNIT;
  } else if (rest >= UNIT) {
    whole += 1;
    rest -= UNIT;
  }
  R[0] = whole;
  R[1] = rest;
}

export function fromDecimal(value: Decimal): void {
  if (value.small === value.small) {
    splitUnits(value.small);
    return;
  }
  const units = value.big;
  let whole = units / UNIT_BIG;
  let rest = units - whole * UNIT_BIG;
  if (rest < 0n) {
    whole -= 1n;
    rest += UNIT_BIG;
  }
  const w = Number(whole);
  if (w > MAX_SAFE || w < -MAX_SAFE) tooLarge();
  R[0] = w;
  R[1] = Number(rest);
}

export function toDecimal(whole: number, units: number): Decimal {
  if (whole < SAFE_WHOLE && whole > -SAFE_WHOLE) return Decimal.fromSafeUnits(whole * UNIT + units);
  return Decimal.fromUnits(BigInt(whole) * UNIT_BIG + BigInt(units));
}

/** The nearest float, rounded the way Decimal.toNumber rounds, so both give the same charts. */
export function toNumber(whole: number, units: number): number {
  if (whole < SAFE_WHOLE && whole > -SAFE_WHOLE) return (whole * UNIT + units) / UNIT;
  // Decimal's BigInt form: the quotient truncated toward zero, plus the signed remainder.
  return whole < 0 && units > 0 ? whole + 1 + (units - UNIT) / UNIT : whole + units / UNIT;
}

export function compare(aw: number, au: number, bw: number, bu: number): number {
  return aw !== bw ? (aw < bw ? -1 : 1) : au !== bu ? (au < bu ? -1 : 1) : 0;
}

/** a + b into R. */
export function add(aw: number, au: number, bw: number, bu: number): void {
  let units = au + bu;
  let whole = aw + bw;
  if (units >= UNIT) {
    units -= UNIT;
    whole += 1;
  }
  if (whole > MAX_SAFE || whole < -MAX_SAFE) tooLarge();
  R[0] = whole;
  R[1] = units;
}

/** a − b into R. */
export function sub(aw: number, au: number, bw: number, bu: number): void {
  let units = au - bu;
  let whole = aw - bw;
  if (units < 0) {
    units += UNIT;
    whole -= 1;
  }
  if (whole > MAX_SAFE || whole < -MAX_SAFE) tooLarge();
  R[0] = whole;
  R[1] = units;
}

/** A value's two parts. Products take their operands this way: a float passed to a call the
 * optimiser did not inline is boxed, an allocation per argument. */
export interface Parts {
  readonly whole: number;
  readonly units: number;
}

/** a × b into R, rounded to 10 places half to even, like Decimal.mul. */
export function mul(a: Parts, b: Parts): void {
  // Shares × price, the common case: a whole number of shares needs no rounding.
  if (a.units === 0 && wholeTimes(a, b)) return;
  if (b.units === 0 && wholeTimes(b, a)) return;
  fromDecimal(toDecimal(a.whole, a.units).mul(toDecimal(b.whole, b.units)));
}

/** n.whole × v into R when every step is exact; false otherwise. (Values, not floats: see Fixed.) */
function wholeTimes(n: Parts, v: Parts): boolean {
  const fraction = n.whole * v.units;
  const whole = n.whole * v.whole;
  if (fraction > MAX_SAFE || fraction < -MAX_SAFE || whole > MAX_SAFE || whole < -MAX_SAFE) return false;
  // splitUnits(fraction), written out for the same reason.
  let carry = Math.floor(fraction / UNIT);
  let rest = fraction - carry * UNIT;
  if (rest < 0) {
    carry -= 1;
    rest += UNIT;
  } else if (rest >= UNIT) {
    carry += 1;
    rest -= UNIT;
  }
  const total = carry + whole;
  if (total > MAX_SAFE || total < -MAX_SAFE) return false;
  R[0] = total;
  R[1] = rest;
  return true;
}

/**
 * a × n ÷ d into R with one rounding (half to even), like Decimal.mulDiv: the pro-rata cost of
 * part of a lot. Taken in floats when a, n and d are non-negative and the products stay exact.
 */
export function mulDiv(a: Parts, n: Parts, d: Parts): void {
  const aw = a.whole;
  const au = a.units;
  const nw = n.whole;
  const nu = n.units;
  const dw = d.whole;
  const du = d.units;
  if (
    aw >= 0 &&
    nw >= 0 &&
    dw >= 0 &&
    aw < SAFE_WHOLE &&
    nw < SAFE_WHOLE &&
    dw < SAFE_WHOLE &&
    mulDivUnits(aw * UNIT + au, nw * UNIT + nu, dw * UNIT + du)
  ) {
    return;
  }
  const divisor = toDecimal(dw, du);
  if (divisor.isZero()) throw new DecimalError('Division by zero.');
  fromDecimal(toDecimal(aw, au).mulDiv(toDecimal(nw, nu), divisor));
}

function mulDivUnits(a: number, n: number, d: number): boolean {
  if (d === 0) return false;
  const g = gcd(n, d);
  n /= g;
  d /= g;
  // a × n ÷ d = q × n + r × n ÷ d, where a = q × d + r: each product stays below a × n or d × n.
  const q = Math.floor(a / d);
  const r = a - q * d;
  if (r < 0 || r >= d) return false;
  const head = q * n;
  const tail = r * n;
  if (head > EXACT_PRODUCT || tail > EXACT_PRODUCT) return false;
  let quotient = Math.floor(tail / d);
  let remainder = tail - quotient * d;
  if (remainder < 0) {
    quotient -= 1;
    remainder += d;
  } else if (remainder >= d) {
    quotient += 1;
    remainder -= d;
  }
  let total = head + quotient;
  const twice = remainder * 2;
  if (twice > d || (twice === d && total % 2 === 1)) total += 1;
  if (total > MAX_SAFE) return false;
  splitUnits(total);
  return true;
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * Parses the shape a ledger field almost always has ('100', '27.5', '0.0001': digits, at most
 * one point, at most 15 whole and 10 fraction digits, no sign) into R. False for anything else,
 * which the caller hands to Decimal.parse and its rules.
 */
export function parseUnsigned(text: string): boolean {
  const length = text.length;
  let whole = 0;
  let wholeDigits = 0;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    wholeDigits++;
  }
  let fraction = 0;
  let fractionDigits = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== 46) return false;
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      fraction = fraction * 10 + (c - 48);
      fractionDigits++;
    }
  }
  if (wholeDigits + fractionDigits === 0 || wholeDigits > 15 || fractionDigits > 10) return false;
  R[0] = whole;
  R[1] = fraction * (FRACTION_SCALE[fractionDigits] as number);
  return true;
}
