// What the relative rotation graph shows: each member's RS-Ratio/RS-Momentum tail against one
// benchmark, and which members it shows when none are chosen. Only what was there: a sleeve on
// the days it held something, a holding on the days it was held, and never the benchmark itself.
import type { RrgOutput, Subject } from '../api/portfolio-schemas';
import type { Bar } from '../domain/bar';
import { dayToNumber, weekStart } from '../engine/dates';
import { relativeRotation } from '../engine/relative-rotation';
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
export function rrgView(
  benchmark: Subject,
  benchmarkBars: readonly Bar[],
  members: readonly RrgMember[],
  tail: number,
): RrgOutput {
  const benchmarkKey = `${benchmark.kind}:${subjectKey(benchmark)}`;
  const lastBenchmark = benchmarkBars.at(-1);
  const lastWeek = lastBenchmark ? weekStart(dayToNumber(lastBenchmark.day)) : Number.NaN;
  return {
    benchmarkLabel: subjectLabel(benchmark),
    members: members.flatMap(({ subject, bars, shownDays }) => {
      if (bars === null || `${subject.kind}:${subjectKey(subject)}` === benchmarkKey) return [];
      const rotation = relativeRotation(bars, benchmarkBars, { tail });
      const shown = shownDays ? rotation.points.filter((p) => shownDays.has(p.day)) : rotation.points;
      const points = shown.slice(-tail);
      const latest = points.at(-1);
      if (latest === undefined) return [];
      return [
        {
          key: subjectKey(subject),
          label: subjectLabel(subject),
          kind: subject.kind,
          quadrant: latest.quadrant,
          ended: weekStart(dayToNumber(latest.day)) < lastWeek ? latest.day : null,
          tail: points.map((p) => ({ day: p.day, ratio: p.ratio, momentum: p.momentum })),
        },
      ];
    }),
  };
}
