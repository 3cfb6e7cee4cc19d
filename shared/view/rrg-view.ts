// What the relative rotation graph shows: each member's RS-Ratio/RS-Momentum tail against one
// benchmark, and which members it shows when none are chosen. Only what was there: a sleeve on
// the days it held something, a holding on the days it was held, and never the benchmark itself.
import type { RrgOutput, Subject } from '../api/portfolio-schemas';
import type { Bar } from '../domain/bar';
import { dayToNumber, weekStart } from '../engine/dates';
import { quadrantOf, relativeRotation } from '../engine/relative-rotation';
import type { ValueSeries } from '../engine/valuation';
import { subjectLabel } from './rotation-subjects';

/** By default: every sleeve with an index, then every instrument ever held, each once. */
export function defaultRrgMembers(series: ValueSeries): Subject[] {
  const members: Subject[] = series.sleeves
    .filter((s) => s.values.some((v) => v > 0))
    .map((s) => ({ kind: 'sleeve', sleeve: s.sleeve }));
  const symbols = new Set<string>();
  for (const h of series.holdings) {
    if (symbols.has(h.symbol)) continue;
    symbols.add(h.symbol);
    members.push({ kind: 'symbol', symbol: h.symbol });
  }
  return members;
}

/** The days the portfolio held `symbol` (a value above zero in any account); null if it never did. */
export function heldDays(series: ValueSeries, symbol: string): Set<string> | null {
  const holdings = series.holdings.filter((h) => h.symbol === symbol);
  if (holdings.length === 0) return null;
  const days = new Set<string>();
  for (const h of holdings) {
    const values = h.values;
    for (let t = 0; t < values.length; t++) if ((values[t] as number) > 0) days.add(series.days[t] as string);
  }
  return days;
}

export function subjectKey(subject: Subject): string {
  return subject.kind === 'symbol' ? subject.symbol : subject.kind === 'sleeve' ? subject.sleeve : 'portfolio';
}

export interface RrgMember {
  subject: Subject;
  /** null: no bars, left off the graph. */
  bars: readonly Bar[] | null;
  /** Weeks are shown only if their last day is in here (a holding's days held); absent: all weeks. */
  shownDays?: ReadonlySet<string> | null;
}

/**
 * A member without bars, or without a week to show, is left off the graph, and so is the
 * benchmark itself (against itself it is always 100). The ratios are worked out on the member's
 * whole history, so a holding's first week held has its full 14-week window behind it.
 */
export interface RrgViewOptions {
  tail: number;
  period?: 'weekly' | 'daily';
  /** Every point shown, oldest first, instead of the last `tail`: the scrubber's frames (rrgFrame). */
  history?: boolean;
}

export function rrgView(
  benchmark: Subject,
  benchmarkBars: readonly Bar[],
  members: readonly RrgMember[],
  { tail, period = 'weekly', history = false }: RrgViewOptions,
): RrgOutput {
  const benchmarkKey = `${benchmark.kind}:${subjectKey(benchmark)}`;
  const lastBenchmark = benchmarkBars.at(-1);
  const lastWeek = lastBenchmark ? weekStart(dayToNumber(lastBenchmark.day)) : Number.NaN;
  return {
    benchmarkLabel: subjectLabel(benchmark),
    period,
    // Asked for but without a single price: said, not silently dropped (a typo in a typed symbol).
    missing: members.filter((m) => m.bars === null).map((m) => subjectLabel(m.subject)),
    members: members.flatMap(({ subject, bars, shownDays }) => {
      if (bars === null || `${subject.kind}:${subjectKey(subject)}` === benchmarkKey) return [];
      const rotation = relativeRotation(bars, benchmarkBars, { tail, period });
      const shown = shownDays ? rotation.points.filter((p) => shownDays.has(p.day)) : rotation.points;
      const points = history ? shown : shown.slice(-tail);
      const latest = points.at(-1);
      if (latest === undefined) return [];
      const ended =
        period === 'daily' ? latest.day < (lastBenchmark?.day ?? '') : weekStart(dayToNumber(latest.day)) < lastWeek;
      return [
        {
          key: subjectKey(subject),
          label: subjectLabel(subject),
          kind: subject.kind,
          quadrant: latest.quadrant,
          ended: ended ? latest.day : null,
          tail: points.map((p) => ({ day: p.day, ratio: p.ratio, momentum: p.momentum })),
        },
      ];
    }),
  };
}

/**
 * One frame of a history (rrgView with `history`): each member's last `tail` points up to
 * `endDay`, its quadrant there, and `ended` when its last point is before that week. Members
 * with no point by `endDay` are left off. The ratios look back only, so a frame is what
 * rrgView would give for `to: endDay`.
 */
export function rrgFrame(data: RrgOutput, endDay: string, tail: number): RrgOutput {
  const endWeek = weekStart(dayToNumber(endDay));
  return {
    ...data,
    members: data.members.flatMap((m) => {
      let end = m.tail.length;
      while (end > 0 && (m.tail[end - 1] as RrgOutput['members'][number]['tail'][number]).day > endDay) end--;
      const points = m.tail.slice(Math.max(0, end - tail), end);
      const latest = points.at(-1);
      if (latest === undefined) return [];
      const ended = data.period === 'daily' ? latest.day < endDay : weekStart(dayToNumber(latest.day)) < endWeek;
      return [
        { ...m, quadrant: quadrantOf(latest.ratio, latest.momentum), ended: ended ? latest.day : null, tail: points },
      ];
    }),
  };
}

/** Every end day some member has a point on, ascending: the scrubber's stops. */
export function rrgStops(data: RrgOutput): string[] {
  return [...new Set(data.members.flatMap((m) => m.tail.map((p) => p.day)))].sort();
}
