import type { Bar } from '../domain/bar';
import { alignBars, lowerBound, type AlignedPair } from './bars';
import { sma } from './moving-average';

export interface RelativeStrengthOptions {
  /** Day the ratio is rebased to 100: the last common day on or before it (default: the first). */
  base?: string;
  /** Moving-average length in trading days. */
  maPeriod?: number;
  /** Closes in a row on the new side before a crossing counts (DEFAULT_RS_CONFIRM). */
  confirm?: number;
  /**
   * First day to return. The average is worked out over the days before it too, so it is full
   * (warmed up) from the first day shown and a regime change on that day is not missed.
   */
  from?: string;
}

/**
 * The ratio crossing its moving average and staying crossed: 'up' when A starts to lead B, 'down'
 * when it starts to lag. Dated on the first close on the new side; known only `confirm` closes later.
 */
export interface RegimeChange {
  day: string;
  index: number;
  direction: 'up' | 'down';
  /** The close that made it count: the `confirm`-th in a row on the new side. */
  confirmedDay: string;
}

export interface RelativeStrength {
  days: string[];
  /** 100 × (A/B) ÷ (A/B on the base day). */
  ratio: Float64Array;
  /** NaN until the window is full. */
  average: Float64Array;
  baseDay: string | null;
  crossings: RegimeChange[];
  /** The regime on the last day: the side of the last change, or the side first seen; null if none. */
  regime: 'above' | 'below' | null;
}

/** The rotation pairs the charts offer first. Symbols are the demo data's; any pair works. */
export const DEFAULT_RS_AVERAGE = 50;

/**
 * A crossing counts once the ratio has closed on the new side this many days in a row (a trading
 * week): a line wiggling around its average is one regime, not an arrow a day (docs/engine.md).
 */
export const DEFAULT_RS_CONFIRM = 5;

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
  const all = crossings(aligned.days, ratio, average, options.confirm ?? DEFAULT_RS_CONFIRM);
  const regime = regimeAtEnd(ratio, average, all);
  const start = options.from === undefined ? 0 : lowerBound(aligned.days, options.from);
  if (start === 0)
    return { days: aligned.days, ratio, average, baseDay: aligned.days[baseIndex] ?? null, crossings: all, regime };
  return {
    days: aligned.days.slice(start),
    ratio: ratio.slice(start),
    average: average.slice(start),
    baseDay: aligned.days[baseIndex] ?? null,
    crossings: all.filter((c) => c.index >= start).map((c) => ({ ...c, index: c.index - start })),
    regime,
  };
}

/**
 * Regime changes of (line − average) with a minimum duration: the side seen first is the starting
 * regime; a change counts when `confirm` closes in a row are on the other side, and is dated on the
 * first of them. A close exactly on the average or without one neither breaks nor extends a run.
 */
export function crossings(
  days: readonly string[],
  line: ArrayLike<number>,
  average: ArrayLike<number>,
  confirm = 1,
): RegimeChange[] {
  const out: RegimeChange[] = [];
  let side = 0;
  let runStart = -1;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    const diff = (line[i] as number) - (average[i] as number);
    if (diff !== diff || diff === 0) continue;
    const now = diff > 0 ? 1 : -1;
    if (side === 0) side = now;
    if (now === side) {
      run = 0;
      continue;
    }
    if (run === 0) runStart = i;
    run++;
    if (run >= confirm) {
      out.push({
        day: days[runStart] as string,
        index: runStart,
        direction: now > 0 ? 'up' : 'down',
        confirmedDay: days[i] as string,
      });
      side = now;
      run = 0;
    }
  }
  return out;
}

/** The confirmed side after all `changes` (from crossings() on the same line and average). */
export function regimeAtEnd(
  line: ArrayLike<number>,
  average: ArrayLike<number>,
  changes: readonly RegimeChange[],
): 'above' | 'below' | null {
  const last = changes.at(-1);
  if (last) return last.direction === 'up' ? 'above' : 'below';
  for (let i = 0; i < line.length; i++) {
    const diff = (line[i] as number) - (average[i] as number);
    if (diff !== diff || diff === 0) continue;
    return diff > 0 ? 'above' : 'below';
  }
  return null;
}
