// The span two series are compared over: the days both cover, never one side's days alone. A
// range (1Y, 5Y) counts back from the last day the two share, not from the newest price in the
// database, and a side that stops (or starts) inside the other's history is said in words.
import type { Bar } from '../domain/bar';
import { alignBars, lowerBound } from '../engine/bars';
import { addMonths, dayToNumber } from '../engine/dates';

export interface Side {
  label: string;
  bars: readonly Bar[];
}

export interface CommonSpan {
  /** First and last day both sides have a close on, within the request; null when none. */
  from: string | null;
  to: string | null;
  /** Sides whose prices end before the other's (up to `to`): their last close. */
  ended: { label: string; lastDay: string }[];
  notes: string[];
}

/**
 * The range ends at the last common day on or before `to`; it starts at `from`, or `years` before
 * that end, or the first common day, whichever is latest.
 */
export function commonSpan(
  a: Side,
  b: Side,
  request: { from?: string | undefined; to?: string | undefined; years?: number | undefined },
): CommonSpan {
  const upTo = (bars: readonly Bar[]) => bars.filter((bar) => request.to === undefined || bar.day <= request.to);
  const aBars = upTo(a.bars);
  const bBars = upTo(b.bars);
  // Without the other side's closes there is nothing to compare: the first side's own days.
  const days = bBars.length === 0 ? aBars.map((bar) => bar.day) : alignBars(aBars, bBars).days;
  const first = days[0];
  const end = days.at(-1);
  const none = { from: null, to: null, ended: [], notes: [] };
  if (first === undefined || end === undefined) return none;
  const asked = request.from ?? (request.years === undefined ? first : addMonths(end, -12 * request.years));
  // The first common day on or after the start asked for, so both sides are read on the same day.
  const from = days[lowerBound(days, asked)];
  if (from === undefined) return none;
  if (bBars.length === 0) return { from, to: end, ended: [], notes: [] };
  const ended: CommonSpan['ended'] = [];
  const notes: string[] = [];
  const aLast = aBars.at(-1)?.day as string;
  const bLast = bBars.at(-1)?.day as string;
  if (aLast !== bLast) {
    const [short, long] = aLast < bLast ? [a, b] : [b, a];
    const lastDay = aLast < bLast ? aLast : bLast;
    ended.push({ label: short.label, lastDay });
    notes.push(`${short.label}'s prices end on ${lastDay}: ${long.label} is compared up to that day, not beyond.`);
  }
  const aFirst = aBars[0]?.day as string;
  const bFirst = bBars[0]?.day as string;
  if (aFirst !== bFirst && from === first) {
    const late = aFirst > bFirst ? a : b;
    const other = late === a ? b : a;
    notes.push(`${late.label} starts on ${first}: ${other.label} is measured from that day too.`);
  }
  notes.push(...gapNotes(days, from, end, a, b, aBars, bBars));
  return { from, to: end, ended, notes };
}

/** Common days more than a week apart inside the span: the chart joins them with a straight line. */
export const GAP_DAYS = 7;

function gapNotes(
  days: readonly string[],
  from: string,
  to: string,
  a: Side,
  b: Side,
  aBars: readonly Bar[],
  bBars: readonly Bar[],
): string[] {
  const notes: string[] = [];
  const inside = (bars: readonly Bar[], after: string, before: string) =>
    bars.filter((bar) => bar.day > after && bar.day < before).length;
  for (let i = 1; i < days.length; i++) {
    const before = days[i - 1] as string;
    const after = days[i] as string;
    if (before < from || after > to) continue;
    if (dayToNumber(after) - dayToNumber(before) <= GAP_DAYS) continue;
    const aHas = inside(aBars, before, after);
    const bHas = inside(bBars, before, after);
    const missing = aHas === 0 && bHas === 0 ? 'either series' : aHas === 0 ? a.label : b.label;
    const has = aHas > bHas ? `${a.label} has ${aHas}` : bHas > 0 ? `${b.label} has ${bHas}` : 'neither has any';
    notes.push(
      `No prices of ${missing} between ${before} and ${after} (${has}): the lines are joined straight across the gap.`,
    );
  }
  return notes;
}
