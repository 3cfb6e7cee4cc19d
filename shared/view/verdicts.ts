// The words a comparison of two series is summed up in, each defined once (docs/engine.md,
// "Verdicts") and used by the rotation chart, the relative rotation graph and the rotation export.
// They answer different questions over different periods, so each verdict says its period: a
// pair can be behind over five years, gaining for the last six weeks, and "Weakening" this week,
// all at once and all true. The quadrant names are kept for the weekly graph alone.
import { quadrantOf, type Quadrant } from '../engine/relative-rotation';
import type { RegimeChange } from '../engine/relative-strength';

export const QUADRANTS = ['leading', 'weakening', 'lagging', 'improving'] as const satisfies readonly Quadrant[];

/** The relative rotation graph's quadrants, on weekly closes (RS-Ratio and RS-Momentum against 100). */
export const QUADRANT_LABELS: Record<Quadrant, string> = {
  leading: 'Leading',
  weakening: 'Weakening',
  lagging: 'Lagging',
  improving: 'Improving',
};

export const QUADRANT_MEANINGS: Record<Quadrant, string> = {
  leading: 'relative strength above its 14-week mean and rising faster than usual',
  weakening: 'relative strength above its 14-week mean, its rise slowing',
  lagging: 'relative strength below its 14-week mean and falling faster than usual',
  improving: 'relative strength below its 14-week mean, its fall slowing',
};

/** "Relative": the change of A against B from the first to the last day shown. */
export function relativeWords(relativePct: number, vsLabel: string): string {
  if (relativePct > 0) return `ahead of ${vsLabel}`;
  if (relativePct < 0) return `behind ${vsLabel}`;
  return `level with ${vsLabel}`;
}

/**
 * "Trend": the regime of the daily relative-strength line on the last day shown (its side of the
 * moving average once a crossing has held DEFAULT_RS_CONFIRM closes), and since which regime
 * change (null: the same regime the whole span shown). A close or two across the average that
 * falls back does not flip it: the arrows on the chart and this word agree.
 */
export interface Trend {
  side: 'above' | 'below';
  since: string | null;
}

export function trendOf(regime: 'above' | 'below' | null, changes: readonly RegimeChange[]): Trend | null {
  if (regime === null) return null;
  return { side: regime, since: changes.at(-1)?.day ?? null };
}

/** The one quadrant word for a point of the relative rotation graph, wherever it is shown. */
export function quadrantWord(ratio: number, momentum: number): string {
  return QUADRANT_LABELS[quadrantOf(ratio, momentum)];
}

export function trendWords(trend: Trend, vsLabel: string): string {
  return trend.side === 'above' ? `gaining on ${vsLabel}` : `losing ground to ${vsLabel}`;
}
