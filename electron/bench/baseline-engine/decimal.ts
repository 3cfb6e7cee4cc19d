// Exact decimal arithmetic for quantities and money: a BigInt count of 10⁻¹⁰ units.
//
// Rules (also in docs/engine.md):
// - Every value has exactly SCALE = 10 decimal places. Adding and subtracting are exact.
// - mul and div round their result to 10 places, half to even (banker's rounding), so rounding
//   carries no drift in either direction over long sums. Division by zero throws.
// - parse accepts plain and exponent notation; digits past the 10th decimal place are rounded
//   half to even (no broker quotes that finely; a silent float would be the real danger).
// - toString prints every significant digit and no trailing zeros; toNumber is for charts only.

export const SCALE = 10;
const SCALE_FACTOR = 10n ** BigInt(SCALE);
const POW10 = Array.from({ length: SCALE + 1 }, (_, i) => 10n ** BigInt(i));
const POW10_NUMBER = Array.from({ length: SCALE + 1 }, (_, i) => 10 ** i);
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const GENERAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class DecimalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecimalError';
  }
}

/** n / d rounded half to even; d must not be zero. */
function divideRounded(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  if (twice < d) return q;
  return q % 2n === 0n ? q : away;
}

/** Within ±MAX_SAFE a count of units is an exact float, and float sums that stay there are exact. */
function isSmall(units: bigint): boolean {
  return units >= -MAX_SAFE_BIG && units <= MAX_SAFE_BIG;
}

const MAX_SAFE_BIG = BigInt(MAX_SAFE);

export class Decimal {
  // Two representations of one count of 10⁻¹⁰ units, never both: `small`, a float holding a safe
  // integer (quantities, prices and most amounts, up to ±900,719.9), or `big`, a BigInt for the
  // rest (`small` is NaN then). The form is canonical (a value that fits is always small), so
  // equal values have equal fields. Float arithmetic on safe integers is exact as long as the
  // result stays within ±2^53, which every operation checks before trusting it; BigInt steps in
  // beyond. The split exists for speed: a ledger replay makes millions of these, and a BigInt
  // costs an allocation and several times a float's arithmetic.
  static readonly ZERO = new Decimal(0, 0n);
  static readonly ONE = new Decimal(1e10, 0n);

  // `declare`: assigned in the constructor only. A class-field declaration would run a field
  // initialiser on every construction, and decimals are constructed on every arithmetic step.
  declare readonly small: number;
  declare readonly big: bigint;

  private constructor(small: number, big: bigint) {
    this.small = small;
    this.big = big;
  }

  /** The value times 10¹⁰. */
  get units(): bigint {
    return this.small === this.small ? BigInt(this.small) : this.big;
  }

  static fromUnits(units: bigint): Decimal {
    return isSmall(units) ? new Decimal(Number(units), 0n) : new Decimal(Number.NaN, units);
  }

  /** A count of 10⁻¹⁰ units held as a safe-integer float, without a BigInt on the way. */
  static fromSafeUnits(units: number): Decimal {
    if (!Number.isSafeInteger(units)) throw new DecimalError(`Not a safe integer count of units: ${units}.`);
    return new Decimal(units || 0, 0n);
  }

  static fromInteger(n: number | bigint): Decimal {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new DecimalError(`Not a safe integer: ${n}.`);
    return Decimal.fromUnits(BigInt(n) * SCALE_FACTOR);
  }

  /**
   * A float (a quote's close, a chart value) taken at its shortest round-trip decimal form, so
   * 27.799999 stays 27.799999 rather than the binary expansion behind it.
   */
  static fromNumber(n: number): Decimal {
    if (!Number.isFinite(n)) throw new DecimalError(`Not a finite number: ${n}.`);
    return Decimal.parse(String(n));
  }

  /** Parses '12', '-0.5', '.25', '1e-3', ' 7 '. Anything else (NaN, '1,000', '$5', '') throws. */
  static parse(text: string): Decimal {
    const fast = parseSimple(text);
    if (fast === fast) return new Decimal(fast, 0n);
    return Decimal.fromUnits(parseGeneral(text));
  }

  /** parse, or null for null/undefined/blank. */
  static parseOptional(text: string | null | undefined): Decimal | null {
    if (text === null || text === undefined || text.trim() === '') return null;
    return Decimal.parse(text);
  }

  add(other: Decimal): Decimal {
    const sum = this.small + other.small; // NaN if either is big
    if (sum >= -MAX_SAFE && sum <= MAX_SAFE) return new Decimal(sum, 0n);
    return Decimal.fromUnits(this.units + other.units);
  }

  sub(other: Decimal): Decimal {
    const difference = this.small - other.small;
    if (difference >= -MAX_SAFE && difference <= MAX_SAFE) return new Decimal(difference, 0n);
    return Decimal.fromUnits(this.units - other.units);
  }

  mul(other: Decimal): Decimal {
    // Shares × price, the common case: when one side is whole (or both have at most 5 decimals)
    // the product needs no rounding, and within 2^53 the float product is exact.
    const a = this.small;
    const b = other.small;
    if (a % 1e10 === 0) {
      const product = (a / 1e10) * b;
      if (product >= -MAX_SAFE && product <= MAX_SAFE) return new Decimal(product || 0, 0n);
    } else if (b % 1e10 === 0) {
      const product = a * (b / 1e10);
      if (product >= -MAX_SAFE && product <= MAX_SAFE) return new Decimal(product || 0, 0n);
    } else if (a % 1e5 === 0 && b % 1e5 === 0) {
      const product = (a / 1e5) * (b / 1e5);
      if (product >= -MAX_SAFE && product <= MAX_SAFE) return new Decimal(product || 0, 0n);
    }
    return Decimal.fromUnits(divideRounded(this.units * other.units, SCALE_FACTOR));
  }

  div(other: Decimal): Decimal {
    if (other.isZero()) throw new DecimalError('Division by zero.');
    return Decimal.fromUnits(divideRounded(this.units * SCALE_FACTOR, other.units));
  }

  /** this × numerator ÷ denominator with a single rounding: pro-rata cost without double rounding. */
  mulDiv(numerator: Decimal, denominator: Decimal): Decimal {
    if (denominator.isZero()) throw new DecimalError('Division by zero.');
    return Decimal.fromUnits(divideRounded(this.units * numerator.units, denominator.units));
  }

  neg(): Decimal {
    return this.small === this.small ? new Decimal(-this.small || 0, 0n) : Decimal.fromUnits(-this.big);
  }

  abs(): Decimal {
    return this.isNegative() ? this.neg() : this;
  }

  /** Rounded half to even to `places` decimals (0 … 10). */
  round(places: number): Decimal {
    if (!Number.isInteger(places) || places < 0 || places > SCALE)
      throw new DecimalError(`Cannot round to ${places} places.`);
    const step = POW10[SCALE - places] ?? 1n;
    return Decimal.fromUnits(divideRounded(this.units, step) * step);
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    if (this.small === this.small && other.small === other.small) {
      return this.small < other.small ? -1 : this.small > other.small ? 1 : 0;
    }
    const a = this.units;
    const b = other.units;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    // Canonical forms: a small value never equals a big one.
    return this.small === this.small ? this.small === other.small : this.big === other.big;
  }

  lt(other: Decimal): boolean {
    return this.cmp(other) < 0;
  }

  lte(other: Decimal): boolean {
    return this.cmp(other) <= 0;
  }

  gt(other: Decimal): boolean {
    return this.cmp(other) > 0;
  }

  gte(other: Decimal): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.small === 0;
  }

  isNegative(): boolean {
    return this.small === this.small ? this.small < 0 : this.big < 0n;
  }

  isPositive(): boolean {
    return this.small === this.small ? this.small > 0 : this.big > 0n;
  }

  static min(a: Decimal, b: Decimal): Decimal {
    return a.cmp(b) <= 0 ? a : b;
  }

  static max(a: Decimal, b: Decimal): Decimal {
    return a.cmp(b) >= 0 ? a : b;
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let total = Decimal.ZERO;
    for (const value of values) total = total.add(value);
    return total;
  }

  /** Every significant digit, no trailing zeros, no exponent: '3000', '-0.0000000001', '0'. */
  toString(): string {
    const negative = this.isNegative();
    const magnitude =
      this.small === this.small ? Math.abs(this.small).toString() : (negative ? -this.big : this.big).toString();
    const digits = magnitude.padStart(SCALE + 1, '0');
    const whole = digits.slice(0, digits.length - SCALE);
    const fraction = digits.slice(digits.length - SCALE).replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  }

  /** Exactly `places` decimals (rounded half to even): '3000.00'. */
  toFixed(places: number): string {
    const rounded = this.round(places).toString();
    if (places === 0) return rounded;
    const dot = rounded.indexOf('.');
    if (dot < 0) return `${rounded}.${'0'.repeat(places)}`;
    return rounded.padEnd(dot + 1 + places, '0');
  }

  toJSON(): string {
    return this.toString();
  }

  /** The nearest float. For charts and ratios only: never feed it back into money. */
  toNumber(): number {
    if (this.small === this.small) return this.small / 1e10;
    const units = this.big;
    return Number(units / SCALE_FACTOR) + Number(units % SCALE_FACTOR) / 1e10;
  }
}

/**
 * Hot path for the shapes a ledger actually holds ('100', '27.5', '-0.25'): one pass over the
 * characters and no BigInt. Returns the units, or NaN to fall back to the general parser.
 */
function parseSimple(text: string): number {
  const length = text.length;
  if (length === 0 || length > 17) return Number.NaN;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45) {
    negative = true;
    i = 1;
  } else if (first === 43) {
    i = 1;
  }
  let n = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  if (fraction < 0) fraction = 0;
  if (fraction > SCALE) return Number.NaN;
  const factor = POW10_NUMBER[SCALE - fraction] ?? 1;
  const scaled = n * factor;
  // Below 2^53 the float product of an integer and a power of ten is exact; above, the general
  // parser's BigInt takes over.
  if (scaled > MAX_SAFE) return Number.NaN;
  return negative ? -scaled || 0 : scaled;
}

function parseGeneral(text: string): bigint {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const match = GENERAL_PATTERN.exec(trimmed);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || (whole === '' && fraction === '') || (match[4] !== undefined && match[4].length > 6)) {
    throw new DecimalError(`Not a decimal number: ${JSON.stringify(String(text)).slice(0, 60)}.`);
  }
  const exponent = match[4] === undefined ? 0 : Number(match[4]);
  // value = digits × 10^(exponent − fraction.length); units = value × 10^SCALE.
  const digits = BigInt(`${whole}${fraction}` || '0');
  const shift = exponent - fraction.length + SCALE;
  let units: bigint;
  if (shift >= 0) {
    units = digits * 10n ** BigInt(shift);
  } else {
    units = divideRounded(digits, 10n ** BigInt(-shift));
  }
  return match[1] === '-' ? -units : units;
}
