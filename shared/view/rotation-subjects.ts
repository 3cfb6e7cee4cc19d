// What a rotation chart compares (a symbol, a sleeve of the portfolio, the whole portfolio): its
// label, and the portfolio's own series as bars. A symbol's bars are the quote cache's closes.
import type { Subject } from '../api/portfolio-schemas';
import type { Bar } from '../domain/bar';
import { SLEEVE_LABELS } from '../domain/sleeve';
import { toBars } from '../engine/bars';
import { twrIndex } from '../engine/returns';
import type { ValueSeries } from '../engine/valuation';

export function subjectLabel(subject: Subject): string {
  if (subject.kind === 'symbol') return subject.symbol;
  if (subject.kind === 'sleeve') return `${SLEEVE_LABELS[subject.sleeve]} (your sleeve)`;
  return 'Your portfolio';
}

/** Why a subject has no bars to compare. */
export function noBarsMessage(subject: Subject): string {
  if (subject.kind === 'symbol')
    return `There are no cached prices for ${subject.symbol}. Import or refresh its quotes first.`;
  if (subject.kind === 'sleeve') return `Your portfolio holds nothing in the ${SLEEVE_LABELS[subject.sleeve]} sleeve.`;
  return 'The portfolio has no history yet.';
}

/**
 * The portfolio as its time-weighted growth of 100 (deposits are not gains), a sleeve as its
 * price-return index on the days it holds something; null when there is nothing to draw.
 */
export function portfolioBars(series: ValueSeries, subject: Exclude<Subject, { kind: 'symbol' }>): Bar[] | null {
  if (subject.kind === 'portfolio')
    return series.days.length === 0 ? null : toBars(series.days, twrIndex(series.total, series.flows));
  const sleeve = series.sleeves.find((s) => s.sleeve === subject.sleeve);
  // Only the days the sleeve holds something: its index stays at its last level in between,
  // and an empty sleeve is 100 throughout, which is no price to compare.
  const held = sleeve ? sleeve.index.map((level, t) => ((sleeve.values[t] as number) > 0 ? level : Number.NaN)) : [];
  const bars = toBars(series.days, held);
  return bars.length === 0 ? null : bars;
}
