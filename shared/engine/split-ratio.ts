// A split's ratio as an exact fraction, new shares : old shares. The one reader of what a person,
// a CSV file or the store writes for a split, and the one writer of its stored form (docs/engine.md,
// "Split ratios"). A decimal such as 0.3333333333 cannot say 1-for-3: 300 shares times it are
// 99.99999999, and a sale of the 100 the broker shows is then refused. A fraction can.
import { Decimal, SCALE } from './decimal';

/**
 * A split's new shares per old share must lie in [1/MAX_SPLIT_RATIO, MAX_SPLIT_RATIO]: beyond
 * that a ratio is a typo or a data error, not a split (the largest on record are a few thousand).
 */
export const MAX_SPLIT_RATIO = 10_000;
/** A term of `a:b` in lowest terms: real splits are 1-for-10, 3-for-2, 20-for-1, never 7 digits. */
const MAX_TERM = 1_000_000n;

/** new ÷ old in lowest terms, both positive. */
export interface SplitRatio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** `reason` completes "the split ratio "0" …": "must be greater than zero". */
export class SplitRatioError extends Error {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`The split ratio ${JSON.stringify(text)} ${reason}; ${SPLIT_RATIO_HELP}.`);
    this.name = 'SplitRatioError';
  }
}

/** How to write a ratio, for messages: the reason names what is wrong, this says what is right. */
export const SPLIT_RATIO_HELP = 'write new shares : old shares, such as 3:1 (or 3) for 3-for-1 and 1:3 for 1-for-3';

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,2}))?$/;
// `new:old`, `new/old`, `new-for-old`, `new for old`; spaces are taken out first.
const PAIR = /^([^:/]+?)(?::|\/|-?for-?)([^:/]+)$/;
const UNIT = 10n ** BigInt(SCALE);
/** Digits a decimal must show before it may be read as the fraction it rounds (see nearFraction). */
const REPEATING_DIGITS = 12;
const MAX_REPEATING_DENOMINATOR = 1000n;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduced(numerator: bigint, denominator: bigint): SplitRatio {
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/** An exact decimal's value as digits ÷ 10^places, or null when it is not a number. */
function exactDecimal(text: string): { negative: boolean; digits: bigint; places: number } | null {
  const match = NUMBER.exec(text);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || (whole === '' && fraction === '')) return null;
  const exponent = match[4] === undefined ? 0 : Number(match[4]);
  let digits = BigInt(`${whole}${fraction}`);
  let places = fraction.length - exponent;
  if (places < 0) {
    digits *= 10n ** BigInt(-places);
    places = 0;
  }
  return { negative: match[1] === '-', digits, places };
}

/**
 * A decimal written with more places than the engine keeps (10) is a fraction printed by another
 * program: Wealthfolio writes 1-for-3 as 0.3333333333333333333333333333. When it shows at least
 * 12 places and lies within one unit of its last place of a fraction with a denominator up to
 * 1000, it is that fraction; otherwise it is rounded to 10 places, as every decimal was before.
 */
function nearFraction(digits: bigint, places: number): SplitRatio | null {
  if (places < REPEATING_DIGITS) return null;
  const scale = 10n ** BigInt(places);
  for (let d = 2n; d <= MAX_REPEATING_DENOMINATOR; d++) {
    const n = (digits * d + scale / 2n) / scale;
    const gap = n * scale - digits * d;
    if (n > 0n && (gap < 0n ? -gap : gap) <= d) return reduced(n, d);
  }
  return null;
}

function decimalRatio(text: string, original: string): SplitRatio {
  const value = exactDecimal(text);
  if (value === null) {
    throw new SplitRatioError(original, 'is not a number or a ratio');
  }
  if (value.negative && value.digits !== 0n) {
    throw new SplitRatioError(original, 'cannot be negative');
  }
  if (value.places <= SCALE) return reduced(value.digits, 10n ** BigInt(value.places));
  const fraction = nearFraction(value.digits, value.places);
  if (fraction !== null) return fraction;
  const rounded = Decimal.parse(text).units;
  return reduced(rounded, UNIT);
}

/**
 * Reads a split ratio: `3:1`, `3/1`, `3-for-1`, `3 for 1` (new shares : old shares, any case,
 * spaces allowed, either term may be a decimal) or one decimal of new shares per old (`7`, `0.5`).
 * Throws SplitRatioError saying what is wrong (zero, negative, beyond the bounds, not a ratio).
 */
export function parseSplitRatio(text: string): SplitRatio {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  const pair = PAIR.exec(compact);
  let ratio: SplitRatio;
  if (pair) {
    const [newShares, oldShares] = [decimalRatio(pair[1] as string, text), decimalRatio(pair[2] as string, text)];
    if (newShares.numerator === 0n || oldShares.numerator === 0n) {
      throw new SplitRatioError(text, 'has a zero side; both must be greater than zero');
    }
    ratio = reduced(newShares.numerator * oldShares.denominator, newShares.denominator * oldShares.numerator);
    if (ratio.numerator > MAX_TERM || ratio.denominator > MAX_TERM) {
      throw new SplitRatioError(
        text,
        `is not a plausible split: in lowest terms each side must be at most ${MAX_TERM.toLocaleString('en-US')}`,
      );
    }
  } else {
    ratio = decimalRatio(compact, text);
    if (ratio.numerator === 0n) {
      throw new SplitRatioError(text, 'must be greater than zero');
    }
  }
  const max = BigInt(MAX_SPLIT_RATIO);
  if (ratio.numerator > ratio.denominator * max || ratio.denominator > ratio.numerator * max) {
    throw new SplitRatioError(
      text,
      `is outside ${MAX_SPLIT_RATIO}:1 to 1:${MAX_SPLIT_RATIO}, so it is not a plausible split`,
    );
  }
  return ratio;
}

/**
 * The stored form, one per ratio: the decimal when the ratio has one of at most 10 places (`7`,
 * `0.5`, `1.5`: what the store has always held, so older rows and files read and write as they
 * did), otherwise `new/old` in lowest terms (`1/3`, `2/3`).
 */
export function formatSplitRatio(ratio: SplitRatio): string {
  const units = ratio.numerator * UNIT;
  if (units % ratio.denominator === 0n) return Decimal.fromUnits(units / ratio.denominator).toString();
  return `${ratio.numerator}/${ratio.denominator}`;
}

/** The stored form of what was typed; throws SplitRatioError as parseSplitRatio does. */
export function canonicalSplitRatio(text: string): string {
  return formatSplitRatio(parseSplitRatio(text));
}

/**
 * How a broker's notice says a stored ratio: `7-for-1`, `1-for-3`, `3-for-2`. A decimal with no
 * plausible pair of terms (an older row's 0.3333333333) is shown as stored.
 */
export function describeSplitRatio(stored: string): string {
  let ratio: SplitRatio;
  try {
    ratio = parseSplitRatio(stored);
  } catch {
    return stored;
  }
  if (ratio.numerator > MAX_TERM || ratio.denominator > MAX_TERM) return stored;
  return `${ratio.numerator}-for-${ratio.denominator}`;
}
