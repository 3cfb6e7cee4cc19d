import type { Bar } from '../domain/bar';
import { alignBars, lowerBound, type AlignedPair } from './bars';
import { sma } from './moving-average';

export interface RelativeStrengthOptions {
  /** Day the ratio is rebased to 100: the last common day on or before it (default: the first). */
  base?: string;
  /** Moving-average length in trading days. */
  maPeriod?: number;
  /**
   * First day to return. The average is worked out over the days before it too, so it is full
   * (warmed up) from the first day shown and a regime change on that day is not missed.
   */
  from?: string;
}

/** The ratio crossing its moving average: 'up' when A starts to lead B, 'down' when it starts to lag. */
export interface RegimeChange {
  day: string;
  index: number;
  direction: 'up' | 'down';
}

export interface RelativeStrength {
  days: string[];
  /** 100 × (A/B) ÷ (A/B on the base day). */
  ratio: Float64Array;
  /** NaN until the window is full. */
  average: Float64Array;
  baseDay: string | null;
  crossings: RegimeChange[];
}

/** The rotation pairs the charts offer first. Symbols are the demo data's; any pair works. */
export const DEFAULT_RS_AVERAGE = 50;

/** Relative strength of A against B on their common days. */
export function relativeStrength(
  a: readonly Bar[],
  b: readonly Bar[],
  options: RelativeStrengthOptions = {},
): RelativeStrength {
  return relativeStrengthOfAligned(alignBars(a, b), options);
}

/** The same from closes already aligned on common days, for callers that also want the rotation. */
export function relativeStrengthOfAligned(
  aligned: AlignedPair,
  options: RelativeStrengthOptions = {},
): RelativeStrength {
  const n = aligned.days.length;
  const raw = new Float64Array(n);
  for (let i = 0; i < n; i++) raw[i] = (aligned.a[i] as number) / (aligned.b[i] as number);
  let baseIndex = 0;
  if (options.base !== undefined) {
    while (baseIndex + 1 < n && (aligned.days[baseIndex + 1] as string) <= options.base) baseIndex++;
  }
  const ratio = new Float64Array(n);
  const baseValue = raw[baseIndex] as number;
  // Divide first so the base day is exactly 100.
  for (let i = 0; i < n; i++) ratio[i] = 100 * ((raw[i] as number) / baseValue);
  const average = sma(ratio, options.maPeriod ?? DEFAULT_RS_AVERAGE);
  const all = crossings(aligned.days, ratio, average);
  const start = options.from === undefined ? 0 : lowerBound(aligned.days, options.from);
  if (start === 0)
    return { days: aligned.days, ratio, average, baseDay: aligned.days[baseIndex] ?? null, crossings: all };
  return {
    days: aligned.days.slice(start),
    ratio: ratio.slice(start),
    average: average.slice(start),
    baseDay: aligned.days[baseIndex] ?? null,
    crossings: all.filter((c) => c.index >= start).map((c) => ({ ...c, index: c.index - start })),
  };
}

/** Sign changes of (line − average); a touch that returns to the same side is not a change. */
export function crossings(
  days: readonly string[],
  line: ArrayLike<number>,
  average: ArrayLike<number>,
): RegimeChange[] {
  const out: RegimeChange[] = [];
  let side = 0;
  for (let i = 0; i < days.length; i++) {
    const diff = (line[i] as number) - (average[i] as number);
    if (diff !== diff || diff === 0) continue;
    const now = diff > 0 ? 1 : -1;
    if (side !== 0 && now !== side) out.push({ day: days[i] as string, index: i, direction: now > 0 ? 'up' : 'down' });
    side = now;
  }
  return out;
}
