// Relative-rotation metrics in the style of JdK RS-Ratio and RS-Momentum. The original formulas
// are proprietary; this is the open approximation stated in docs/engine.md, on weekly closes:
//   rs_w       = 100 × A_w / B_w
//   RS-Ratio_w = 100 + (rs_w − mean(rs, N)_w) / sd(rs, N)_w
//   roc_w      = 100 × (RS-Ratio_w / RS-Ratio_{w−1} − 1)
//   RS-Mom_w   = 100 + (roc_w − mean(roc, N)_w) / sd(roc, N)_w
// with mean and population sd over the N weeks ending at w (N = 14 by default). Daily, w is a day.
import type { Bar } from '../domain/bar';
import { alignBars, type AlignedPair } from './bars';
import { dayToNumber, weekStart } from './dates';

export type Quadrant = 'leading' | 'weakening' | 'lagging' | 'improving';

export interface RotationPoint {
  /** The week's last trading day. */
  day: string;
  ratio: number;
  momentum: number;
  quadrant: Quadrant;
}

export interface RotationOptions {
  /** N: the normalisation window, in weeks. */
  window?: number;
  /** How many recent weeks the tail shows. */
  tail?: number;
  /** 'weekly' (default): each ISO week's last close; 'daily': every close (N then counts days). */
  period?: 'weekly' | 'daily';
}

export interface Rotation {
  /** Every week both metrics exist, oldest first. */
  points: RotationPoint[];
  /** The last `tail` points, the current position last. */
  tail: RotationPoint[];
  latest: RotationPoint | null;
}

export const DEFAULT_ROTATION = { window: 14, tail: 8 } as const;

/** On 100 itself a series counts as the stronger side: ratio ≥ 100 leads, momentum ≥ 100 rises. */
export function quadrantOf(ratio: number, momentum: number): Quadrant {
  if (ratio >= 100) return momentum >= 100 ? 'leading' : 'weakening';
  return momentum >= 100 ? 'improving' : 'lagging';
}

/** Indexes of each ISO week's last entry in an ascending day list. */
export function weekEnds(days: readonly string[]): number[] {
  const ends: number[] = [];
  let currentWeek = Number.NaN;
  for (let i = 0; i < days.length; i++) {
    const week = weekStart(dayToNumber(days[i] as string));
    if (week !== currentWeek) {
      if (i > 0) ends.push(i - 1);
      currentWeek = week;
    }
  }
  if (days.length > 0) ends.push(days.length - 1);
  return ends;
}

/** 100 + the z-score of each value against the `window` values ending with it; NaN until full. */
export function normalise(values: ArrayLike<number>, window: number): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let i = window - 1; i < values.length; i++) {
    let sum = 0;
    for (let j = i - window + 1; j <= i; j++) sum += values[j] as number;
    const mean = sum / window;
    let squares = 0;
    for (let j = i - window + 1; j <= i; j++) squares += ((values[j] as number) - mean) ** 2;
    const sd = Math.sqrt(squares / window);
    if (sd > 0) out[i] = 100 + ((values[i] as number) - mean) / sd;
  }
  return out;
}

export function relativeRotation(a: readonly Bar[], b: readonly Bar[], options: RotationOptions = {}): Rotation {
  return relativeRotationOfAligned(alignBars(a, b), options);
}

/** The same from closes already aligned on common days (see relativeStrengthOfAligned). */
export function relativeRotationOfAligned(aligned: AlignedPair, options: RotationOptions = {}): Rotation {
  const window = options.window ?? DEFAULT_ROTATION.window;
  const tailLength = options.tail ?? DEFAULT_ROTATION.tail;
  const ends = options.period === 'daily' ? aligned.days.map((_, i) => i) : weekEnds(aligned.days);
  const rs = new Float64Array(ends.length);
  ends.forEach((i, w) => {
    rs[w] = (100 * (aligned.a[i] as number)) / (aligned.b[i] as number);
  });
  const ratio = normalise(rs, window);
  const roc = new Float64Array(ends.length).fill(Number.NaN);
  for (let w = 1; w < ends.length; w++) roc[w] = 100 * ((ratio[w] as number) / (ratio[w - 1] as number) - 1);
  // roc is NaN until two ratios exist; normalise its defined stretch only.
  const firstRoc = roc.findIndex((x) => Number.isFinite(x));
  const momentum = new Float64Array(ends.length).fill(Number.NaN);
  if (firstRoc >= 0) momentum.set(normalise(roc.subarray(firstRoc), window), firstRoc);

  const points: RotationPoint[] = [];
  for (let w = 0; w < ends.length; w++) {
    const r = ratio[w] as number;
    const m = momentum[w] as number;
    if (!Number.isFinite(r) || !Number.isFinite(m)) continue;
    points.push({ day: aligned.days[ends[w] as number] as string, ratio: r, momentum: m, quadrant: quadrantOf(r, m) });
  }
  return { points, tail: points.slice(-tailLength), latest: points[points.length - 1] ?? null };
}
