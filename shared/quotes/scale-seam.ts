// A price series put together from two downloads on different split scales: an older file on
// the pre-split scale beside a later, split-adjusted one. Providers publish history adjusted as of
// the download, so where two loads meet, their closes differ by the split's ratio. The rule is in
// docs/engine.md ("A price file on another split scale").
import { dayToNumber } from '../engine/dates';

/** A close as the seam check sees it. */
export interface SeamBar {
  day: string;
  close: number;
}

/** A likely split factor: the earlier load's price per later-load price, `numerator:denominator`. */
export interface SplitFactor {
  numerator: number;
  denominator: number;
}

export interface ScaleJump {
  /**
   * Where the two loads meet. `overlap`: both have the day; `before`: the cached bars end where
   * the new ones start; `after`: the cached bars start where the new ones end.
   */
  side: 'overlap' | 'before' | 'after';
  /** The day named in the message: the first day both have, or the new bar at the seam. */
  day: string;
  cachedDay: string;
  cachedClose: number;
  newDay: string;
  newClose: number;
  /** cached ÷ new ≈ numerator ÷ denominator. */
  factor: SplitFactor;
}

// Forward and reverse splits as companies declare them; 3:2 only where both loads share a day.
const FACTORS: readonly SplitFactor[] = [
  { numerator: 3, denominator: 2 },
  ...[2, 3, 4, 5, 6, 7, 8, 10, 15, 20, 25, 30, 40, 50, 100].map((n) => ({ numerator: n, denominator: 1 })),
];

/** How far a ratio of one day's two closes may stray from a factor: rounding and revisions. */
export const FACTOR_TOLERANCE = 0.02;
/** The same across a seam, where a day's real move (a few per cent) sits between the two closes. */
export const SEAM_TOLERANCE = 0.08;
/** A seam (no common day) is judged only when the two closes are at most this many calendar days apart. */
export const SEAM_MAX_DAYS = 10;

/**
 * The split factor `ratio` is close to, or null. Where the loads share no day, a real move sits
 * between the two closes: the tolerance is wider, and only factors of 2 and more count, since a
 * one-day fall of half is rare and one of a third (NFLX on 2022-04-20, ratio 1.54) is not.
 */
export function likelySplit(ratio: number, sharedDay: boolean): SplitFactor | null {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return null;
  const up = ratio >= 1;
  const r = up ? ratio : 1 / ratio;
  for (const factor of FACTORS) {
    const f = factor.numerator / factor.denominator;
    if (!sharedDay && f < 2) continue;
    if (Math.abs(r / f - 1) <= (sharedDay ? FACTOR_TOLERANCE : SEAM_TOLERANCE)) {
      return up ? factor : { numerator: factor.denominator, denominator: factor.numerator };
    }
  }
  return null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function seam(side: 'before' | 'after', cached: SeamBar, incoming: SeamBar): ScaleJump | null {
  if (Math.abs(dayToNumber(cached.day) - dayToNumber(incoming.day)) > SEAM_MAX_DAYS) return null;
  const factor = likelySplit(cached.close / incoming.close, false);
  if (factor === null) return null;
  return {
    side,
    day: incoming.day,
    cachedDay: cached.day,
    cachedClose: cached.close,
    newDay: incoming.day,
    newClose: incoming.close,
    factor,
  };
}

/**
 * Whether bars about to be written (`incoming`, ascending) sit on another scale than the cached
 * bars they will stand beside (`cached`, ascending: what stays once the write has replaced its own
 * rows). Where the two share days, the median ratio of those days' closes decides, since a real
 * move cannot part two quotes of one day; otherwise the closes either side of each seam.
 */
export function findScaleJump(cached: readonly SeamBar[], incoming: readonly SeamBar[]): ScaleJump | null {
  if (cached.length === 0 || incoming.length === 0) return null;
  const byDay = new Map(incoming.map((bar) => [bar.day, bar]));
  const shared = cached.filter((bar) => byDay.has(bar.day));
  if (shared.length > 0) {
    const factor = likelySplit(median(shared.map((bar) => bar.close / byDay.get(bar.day)!.close)), true);
    if (factor === null) return null;
    const first = shared[0]!;
    const other = byDay.get(first.day)!;
    return {
      side: 'overlap',
      day: first.day,
      cachedDay: first.day,
      cachedClose: first.close,
      newDay: other.day,
      newClose: other.close,
      factor,
    };
  }
  const first = incoming[0]!;
  const last = incoming.at(-1)!;
  const before = cached.filter((bar) => bar.day < first.day).at(-1);
  const after = cached.find((bar) => bar.day > last.day);
  return (before && seam('before', before, first)) ?? (after && seam('after', after, last)) ?? null;
}

/** `20:1`, `1:10`, `3:2`. */
export function factorText(factor: SplitFactor): string {
  return `${factor.numerator}:${factor.denominator}`;
}

/** A price as messages write it: `2,404.19`, at most 4 decimals (closes carry float noise). */
export function priceText(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/**
 * The refusal: `AMZN on 2022-01-03: the cache holds 3,408.09 (2022-01-03), the file 170.40, a 20:1
 * ratio, as if a 20:1 split lay between the two downloads. Nothing was written. …`
 */
export function describeScaleJump(symbol: string, jump: ScaleJump, what: string, rescale: string): string {
  const ratio = factorText(jump.factor);
  const cachedAt = jump.cachedDay === jump.newDay ? '' : ` (${jump.cachedDay})`;
  return (
    `${symbol} on ${jump.day}: the cache holds ${priceText(jump.cachedClose)}${cachedAt}, ${what} ${priceText(jump.newClose)}, ` +
    `a ${ratio} ratio, as if a ${ratio} split lay between the two downloads. Nothing was written. ` +
    `If a split is the cause, ${rescale}: the older bars are brought onto the newer scale by ${ratio}, then the new ones written.`
  );
}
