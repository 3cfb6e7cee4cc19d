// What the relative rotation graph shows: each member's RS-Ratio/RS-Momentum tail against one
// benchmark, and which members it shows when none are chosen.
import type { RrgOutput, Subject } from '../api/portfolio-schemas';
import type { Bar } from '../domain/bar';
import { relativeRotation } from '../engine/relative-rotation';
import type { ValueSeries } from '../engine/valuation';
import { subjectLabel } from './rotation-subjects';

/** By default: every sleeve with an index, then every instrument ever held, each once. */
export function defaultRrgMembers(series: ValueSeries): Subject[] {
  const members: Subject[] = series.sleeves
    .filter((s) => s.index.some((v) => Number.isFinite(v)))
    .map((s) => ({ kind: 'sleeve', sleeve: s.sleeve }));
  const symbols = new Set<string>();
  for (const h of series.holdings) {
    if (symbols.has(h.symbol)) continue;
    symbols.add(h.symbol);
    members.push({ kind: 'symbol', symbol: h.symbol });
  }
  return members;
}

/** A member without bars (null) is left off the graph. */
export function rrgView(
  benchmark: Subject,
  benchmarkBars: readonly Bar[],
  members: readonly { subject: Subject; bars: readonly Bar[] | null }[],
  tail: number,
): RrgOutput {
  return {
    benchmarkLabel: subjectLabel(benchmark),
    members: members.flatMap(({ subject, bars }) => {
      if (bars === null) return [];
      const rotation = relativeRotation(bars, benchmarkBars, { tail });
      return [
        {
          key: subject.kind === 'symbol' ? subject.symbol : subject.kind === 'sleeve' ? subject.sleeve : 'portfolio',
          label: subjectLabel(subject),
          kind: subject.kind,
          quadrant: rotation.latest?.quadrant ?? null,
          tail: rotation.tail.map((p) => ({ day: p.day, ratio: p.ratio, momentum: p.momentum })),
        },
      ];
    }),
  };
}
