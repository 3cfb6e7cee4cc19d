// What the rotation chart shows for a subject against another over a range: both prices, the
// relative-strength line and its average, drawdowns, new highs, the lowest close and the stats.
import { ApiError } from '../api/errors';
import { OVERVIEW_POINTS, type RotationOutput, type Subject } from '../api/portfolio-schemas';
import type { Bar } from '../domain/bar';
import { bestWindow, worstWindow } from '../engine/close-windows';
import { decimateLine } from '../engine/decimate';
import { drawdownSeries, maxDrawdown } from '../engine/drawdown';
import { extensionSeries } from '../engine/extension';
import { lowestClose, newHighs } from '../engine/highs-lows';
import { sma } from '../engine/moving-average';
import { relativeStrength } from '../engine/relative-strength';
import { commonSpan } from './common-span';
import { subjectLabel } from './rotation-subjects';
import { trendOf } from './verdicts';

const BEST_WORST_DAYS = 5;

export interface RotationRequest {
  subject: Subject;
  vs: Subject;
  from?: string | undefined;
  to?: string | undefined;
  /** A range counted back from the last day both series share (ignored with `from`). */
  years?: number | undefined;
  base?: string | undefined;
  average: number;
}

const points = (days: readonly string[], values: ArrayLike<number>) => {
  const out: { time: string; value: number }[] = [];
  for (let i = 0; i < days.length; i++)
    if (Number.isFinite(values[i] as number)) out.push({ time: days[i] as string, value: values[i] as number });
  return out;
};

/**
 * `subjectBars` and `vsAll` are each subject's whole history up to `to`: a new high is measured
 * against everything before the range, and the averages are full from the first day shown. Both
 * sides are read over the span they share only (see common-span.ts).
 */
export function rotationView(
  input: RotationRequest,
  subjectBars: readonly Bar[],
  vsAll: readonly Bar[],
): RotationOutput {
  const { subject, vs, base, average } = input;
  const label = subjectLabel(subject);
  const vsLabel = subjectLabel(vs);
  const span = commonSpan({ label, bars: subjectBars }, { label: vsLabel, bars: vsAll }, input);
  const { from, to } = span;
  if (from === null || to === null) throw new ApiError('not_found', `${label} has no prices in that range.`);
  // Each side's whole history up to the span's end: averages are warmed up on the days before it.
  const history = subjectBars.filter((bar) => bar.day <= to);
  const vsHistory = vsAll.filter((bar) => bar.day <= to);
  const bars = history.filter((bar) => bar.day >= from);
  const vsBars = vsHistory.filter((bar) => bar.day >= from);
  const days = bars.map((b) => b.day);
  const closes = bars.map((b) => b.close);
  const rs = relativeStrength(history, vsHistory, { base: base ?? from, maPeriod: average, from });
  const highs = newHighs(history);
  const firstIndex = history.length - bars.length;
  const low = lowestClose(bars);
  const last = bars.at(-1) as Bar;
  const first = bars[0] as Bar;
  const extension = extensionSeries(history, { period: average }).at(-1);
  const changePct = (last.close / first.close - 1) * 100;
  const vsFirst = vsBars[0];
  const vsLast = vsBars.at(-1);
  const vsChangePct = vsFirst && vsLast ? (vsLast.close / vsFirst.close - 1) * 100 : null;
  const dd = maxDrawdown(bars);
  const best = bestWindow(bars, BEST_WORST_DAYS);
  const worst = worstWindow(bars, BEST_WORST_DAYS);
  const move = (m: typeof best) => (m ? { days: m.days, pct: m.pct, start: m.start.day, end: m.end.day } : null);
  return {
    subjectLabel: label,
    vsLabel,
    price: points(days, closes),
    priceAverage: points(
      days,
      sma(
        history.map((b) => b.close),
        average,
      ).subarray(firstIndex),
    ),
    ratio: points(rs.days, rs.ratio),
    ratioAverage: points(rs.days, rs.average),
    regimeChanges: rs.crossings.map((c) => ({ time: c.day, direction: c.direction })),
    trend: trendOf(rs.regime, rs.crossings),
    ended: span.ended,
    notes: span.notes,
    drawdown: points(days, drawdownSeries(bars)),
    maxDrawdown: dd
      ? {
          pct: dd.pct,
          peak: { day: dd.peak.day, close: dd.peak.close },
          trough: { day: dd.trough.day, close: dd.trough.close },
        }
      : null,
    newHighs: days.filter((_, i) => highs.allTime[firstIndex + i] === 1),
    lowest: low ? { day: low.bar.day, close: low.bar.close, abovePct: (last.close / low.bar.close - 1) * 100 } : null,
    stats: {
      from: first.day,
      to: last.day,
      changePct,
      vsChangePct,
      relativePct: vsChangePct === null ? null : ((1 + changePct / 100) / (1 + vsChangePct / 100) - 1) * 100,
      distanceFromAveragePct: extension ? extension.distancePct : null,
      extended: extension?.extended ?? null,
      best: move(best),
      worst: move(worst),
    },
  };
}

/**
 * What an overview strip draws of a comparison: its span and the subject's price line, cut to
 * OVERVIEW_POINTS (shared/engine/decimate.ts); twelve years of every line were 0.8 MB for a strip
 * a few hundred pixels wide (issue 20).
 */
export function rotationOverview(view: RotationOutput): RotationOutput {
  return {
    ...view,
    price: decimateLine(view.price, OVERVIEW_POINTS),
    priceAverage: [],
    ratio: [],
    ratioAverage: [],
    regimeChanges: [],
    drawdown: [],
    newHighs: [],
  };
}
