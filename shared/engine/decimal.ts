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

export class Decimal {
  static readonly ZERO = new Decimal(0n);
  static readonly ONE = new Decimal(SCALE_FACTOR);

  /** The value times 10¹⁰. */
  // `declare`: assigned in the constructor only. A class-field declaration would run a field
  // initialiser on every construction, and decimals are constructed on every arithmetic step.
  declare readonly units: bigint;

  private constructor(units: bigint) {
    this.units = units;
  }

  static fromUnits(units: bigint): Decimal {
    return new Decimal(units);
  }

  static fromInteger(n: number | bigint): Decimal {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new DecimalError(`Not a safe integer: ${n}.`);
    return new Decimal(BigInt(n) * SCALE_FACTOR);
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
    if (fast !== null) return new Decimal(fast);
    return new Decimal(parseGeneral(text));
  }

  /** parse, or null for null/undefined/blank. */
  static parseOptional(text: string | null | undefined): Decimal | null {
    if (text === null || text === undefined || text.trim() === '') return null;
    return Decimal.parse(text);
  }

  add(other: Decimal): Decimal {
    return new Decimal(this.units + other.units);
  }

  sub(other: Decimal): Decimal {
    return new Decimal(this.units - other.units);
  }

  mul(other: Decimal): Decimal {
    return new Decimal(divideRounded(this.units * other.units, SCALE_FACTOR));
  }

  div(other: Decimal): Decimal {
    if (other.units === 0n) throw new DecimalError('Division by zero.');
    return new Decimal(divideRounded(this.units * SCALE_FACTOR, other.units));
  }

  /** this × numerator ÷ denominator with a single rounding: pro-rata cost without double rounding. */
  mulDiv(numerator: Decimal, denominator: Decimal): Decimal {
    if (denominator.units === 0n) throw new DecimalError('Division by zero.');
    return new Decimal(divideRounded(this.units * numerator.units, denominator.units));
  }

  neg(): Decimal {
    return new Decimal(-this.units);
  }

  abs(): Decimal {
    return this.units < 0n ? new Decimal(-this.units) : this;
  }

  /** Rounded half to even to `places` decimals (0 … 10). */
  round(places: number): Decimal {
    if (!Number.isInteger(places) || places < 0 || places > SCALE)
      throw new DecimalError(`Cannot round to ${places} places.`);
    const step = POW10[SCALE - places] ?? 1n;
    return new Decimal(divideRounded(this.units, step) * step);
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    return this.units < other.units ? -1 : this.units > other.units ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    return this.units === other.units;
  }

  lt(other: Decimal): boolean {
    return this.units < other.units;
  }

  lte(other: Decimal): boolean {
    return this.units <= other.units;
  }

  gt(other: Decimal): boolean {
    return this.units > other.units;
  }

  gte(other: Decimal): boolean {
    return this.units >= other.units;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  isPositive(): boolean {
    return this.units > 0n;
  }

  static min(a: Decimal, b: Decimal): Decimal {
    return a.units <= b.units ? a : b;
  }

  static max(a: Decimal, b: Decimal): Decimal {
    return a.units >= b.units ? a : b;
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let total = 0n;
    for (const value of values) total += value.units;
    return new Decimal(total);
  }

  /** Every significant digit, no trailing zeros, no exponent: '3000', '-0.0000000001', '0'. */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(SCALE + 1, '0');
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
    const units = this.units;
    if (units > -9007199254740992n && units < 9007199254740992n) return Number(units) / 1e10;
    return Number(units / SCALE_FACTOR) + Number(units % SCALE_FACTOR) / 1e10;
  }
}

/**
 * Hot path for the shapes a ledger actually holds ('100', '27.5', '-0.25'): one pass over the
 * characters and one BigInt. Returns null to fall back to the general parser.
 */
function parseSimple(text: string): bigint | null {
  const length = text.length;
  if (length === 0 || length > 17) return null;
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
      return null;
    }
  }
  if (digits === 0 || digits > 15) return null;
  if (fraction < 0) fraction = 0;
  if (fraction > SCALE) return null;
  const factor = POW10_NUMBER[SCALE - fraction] ?? 1;
  const scaled = n * factor;
  // Below 2^53 the float product of an integer and a power of ten is exact.
  const units = scaled <= MAX_SAFE ? BigInt(scaled) : BigInt(n) * (POW10[SCALE - fraction] ?? 1n);
  return negative ? -units : units;
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
