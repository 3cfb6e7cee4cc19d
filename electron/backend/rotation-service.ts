import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { Subject } from '../../shared/api/portfolio-schemas';
import type { Bar } from '../../shared/domain/bar';
import { analyze, AnalyzeError } from '../../shared/engine/analyze';
import { noBarsMessage, portfolioBars } from '../../shared/view/rotation-subjects';
import { rotationOverview, rotationView } from '../../shared/view/rotation-view';
import { defaultRrgMembers, heldDays, rrgView } from '../../shared/view/rrg-view';
import type { BackendContext } from './backend-context';

type RotationHandlers = Pick<Handlers, 'rotation:series' | 'rotation:rrg' | 'analyze:symbol'>;

/** Relative strength, drawdowns, highs and rotation, for whatever the chart compares. */
export function rotationHandlers({ snapshots }: BackendContext): RotationHandlers {
  /** A symbol's cached closes, or the portfolio's own series; null when there are none. */
  function findBars(subject: Subject, to?: string): Bar[] | null {
    if (subject.kind !== 'symbol') return portfolioBars(snapshots.get(to).result.series, subject);
    const bars = snapshots.history(subject.symbol, to);
    return bars.length === 0 ? null : bars;
  }

  function barsOf(subject: Subject, to?: string): Bar[] {
    const bars = findBars(subject, to);
    if (bars === null) throw new ApiError('not_found', noBarsMessage(subject));
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
    'rotation:series': (input) => {
      const view = rotationView(input, barsOf(input.subject, input.to), barsOf(input.vs, input.to));
      return input.overview ? rotationOverview(view) : view;
    },
    'rotation:rrg': ({ benchmark, members, tail, to, period, heldOnly, history }) => {
      const benchmarkBars = barsOf(benchmark, to);
      const chosen = members ?? defaultRrgMembers(snapshots.get(to).result.series);
      const series = snapshots.get(to).result.series;
      return rrgView(
        benchmark,
        benchmarkBars,
        chosen.map((subject) => ({
          subject,
          bars: findBars(subject, to),
          // A symbol the portfolio holds is a holding: shown on the days it was held.
          shownDays: subject.kind === 'symbol' && heldOnly ? heldDays(series, subject.symbol) : null,
        })),
        { tail, period, history },
      );
    },
  };
}
