import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { RotationOutput, Subject } from '../../shared/api/portfolio-schemas';
import type { Bar } from '../../shared/domain/bar';
import { SLEEVE_LABELS } from '../../shared/domain/sleeve';
import { analyze, AnalyzeError } from '../../shared/engine/analyze';
import { bestWindow, worstWindow } from '../../shared/engine/close-windows';
import { drawdownSeries, maxDrawdown } from '../../shared/engine/drawdown';
import { extensionSeries } from '../../shared/engine/extension';
import { lowestClose, newHighs } from '../../shared/engine/highs-lows';
import { sma } from '../../shared/engine/moving-average';
import { relativeRotation } from '../../shared/engine/relative-rotation';
import { relativeStrength } from '../../shared/engine/relative-strength';
import { twrIndex } from '../../shared/engine/returns';
import type { Snapshots } from './portfolio-snapshot';

type RotationHandlers = Pick<Handlers, 'rotation:series' | 'rotation:rrg' | 'analyze:symbol'>;

const BEST_WORST_DAYS = 5;

export function subjectLabel(subject: Subject): string {
  if (subject.kind === 'symbol') return subject.symbol;
  if (subject.kind === 'sleeve') return `${SLEEVE_LABELS[subject.sleeve]} (your sleeve)`;
  return 'Your portfolio';
}

function toBars(days: readonly string[], values: ArrayLike<number>): Bar[] {
  const bars: Bar[] = [];
  for (let i = 0; i < days.length; i++) {
    const close = values[i] as number;
    if (Number.isFinite(close) && close > 0) bars.push({ day: days[i] as string, close });
  }
  return bars;
}

function within(bars: Bar[], from: string | undefined, to: string | undefined): Bar[] {
  return bars.filter((bar) => (!from || bar.day >= from) && (!to || bar.day <= to));
}

const points = (days: readonly string[], values: ArrayLike<number>) => {
  const out: { time: string; value: number }[] = [];
  for (let i = 0; i < days.length; i++)
    if (Number.isFinite(values[i] as number)) out.push({ time: days[i] as string, value: values[i] as number });
  return out;
};

/** Relative strength, drawdowns, highs and rotation, for whatever the chart compares. */
export function rotationHandlers(snapshots: Snapshots): RotationHandlers {
  function barsOf(subject: Subject, to?: string): Bar[] {
    if (subject.kind === 'symbol') {
      const bars = snapshots.history(subject.symbol, to);
      if (bars.length === 0)
        throw new ApiError(
          'not_found',
          `There are no cached prices for ${subject.symbol}. Import or refresh its quotes first.`,
        );
      return bars;
    }
    const { series } = snapshots.get(to).result;
    if (subject.kind === 'portfolio') {
      if (series.days.length === 0) throw new ApiError('not_found', 'The portfolio has no history yet.');
      return toBars(series.days, twrIndex(series.total, series.flows));
    }
    const sleeve = series.sleeves.find((s) => s.sleeve === subject.sleeve);
    const bars = sleeve ? toBars(series.days, sleeve.index) : [];
    if (bars.length === 0)
      throw new ApiError('not_found', `Your portfolio holds nothing in the ${SLEEVE_LABELS[subject.sleeve]} sleeve.`);
    return bars;
  }

  return {
    'analyze:symbol': ({ symbol, to, from, vs, lookbackDays, window }) => {
      const bars = snapshots.history(symbol);
      if (bars.length === 0) throw new ApiError('not_found', `${symbol} has no bars in the quote cache.`);
      let vsInput: { symbol: string; bars: Bar[] } | undefined;
      if (vs !== undefined) {
        const vsBars = snapshots.history(vs);
        if (vsBars.length === 0) throw new ApiError('not_found', `${vs} has no bars in the quote cache.`);
        vsInput = { symbol: vs, bars: vsBars };
      }
      try {
        return analyze({ symbol, bars, to, from, vs: vsInput, lookbackDays, window });
      } catch (error) {
        if (error instanceof AnalyzeError) throw new ApiError('invalid_input', error.message);
        throw error;
      }
    },
    'rotation:series': ({ subject, vs, from, to, base, average }): RotationOutput => {
      const all = barsOf(subject, to);
      const bars = within(all, from, to);
      const vsBars = within(barsOf(vs, to), from, to);
      if (bars.length === 0) throw new ApiError('not_found', `${subjectLabel(subject)} has no prices in that range.`);
      const days = bars.map((b) => b.day);
      const rs = relativeStrength(bars, vsBars, { base, maPeriod: average });
      const highs = newHighs(all);
      const firstIndex = all.length - bars.length;
      const low = lowestClose(bars);
      const last = bars.at(-1) as Bar;
      const first = bars[0] as Bar;
      const extension = extensionSeries(bars, { period: average }).at(-1);
      const changePct = (last.close / first.close - 1) * 100;
      const vsFirst = vsBars[0];
      const vsLast = vsBars.at(-1);
      const vsChangePct = vsFirst && vsLast ? (vsLast.close / vsFirst.close - 1) * 100 : null;
      const dd = maxDrawdown(bars);
      const best = bestWindow(bars, BEST_WORST_DAYS);
      const worst = worstWindow(bars, BEST_WORST_DAYS);
      const move = (m: typeof best) => (m ? { days: m.days, pct: m.pct, start: m.start.day, end: m.end.day } : null);
      return {
        subjectLabel: subjectLabel(subject),
        vsLabel: subjectLabel(vs),
        price: points(
          days,
          bars.map((b) => b.close),
        ),
        priceAverage: points(
          days,
          sma(
            bars.map((b) => b.close),
            average,
          ),
        ),
        ratio: points(rs.days, rs.ratio),
        ratioAverage: points(rs.days, rs.average),
        regimeChanges: rs.crossings.map((c) => ({ time: c.day, direction: c.direction })),
        drawdown: points(days, drawdownSeries(bars)),
        maxDrawdown: dd
          ? {
              pct: dd.pct,
              peak: { day: dd.peak.day, close: dd.peak.close },
              trough: { day: dd.trough.day, close: dd.trough.close },
            }
          : null,
        newHighs: days.filter((_, i) => highs.allTime[firstIndex + i] === 1),
        lowest: low
          ? { day: low.bar.day, close: low.bar.close, abovePct: (last.close / low.bar.close - 1) * 100 }
          : null,
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
    },
    'rotation:rrg': ({ benchmark, members, tail, to }) => {
      const benchBars = barsOf(benchmark, to);
      const snapshot = snapshots.get(to);
      const chosen: Subject[] =
        members ??
        [
          ...snapshot.result.series.sleeves
            .filter((s) => s.index.some((v) => Number.isFinite(v)))
            .map((s) => ({ kind: 'sleeve' as const, sleeve: s.sleeve })),
          ...snapshot.result.series.holdings.map((h) => ({ kind: 'symbol' as const, symbol: h.symbol })),
        ].filter(
          (subject, i, list) => list.findIndex((other) => JSON.stringify(other) === JSON.stringify(subject)) === i,
        );
      return {
        benchmarkLabel: subjectLabel(benchmark),
        members: chosen.flatMap((subject) => {
          let bars: Bar[];
          try {
            bars = barsOf(subject, to);
          } catch {
            return [];
          }
          const rotation = relativeRotation(bars, benchBars, { tail });
          return [
            {
              key:
                subject.kind === 'symbol' ? subject.symbol : subject.kind === 'sleeve' ? subject.sleeve : 'portfolio',
              label: subjectLabel(subject),
              kind: subject.kind,
              quadrant: rotation.latest?.quadrant ?? null,
              tail: rotation.tail.map((p) => ({ day: p.day, ratio: p.ratio, momentum: p.momentum })),
            },
          ];
        }),
      };
    },
  };
}
