import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { SLEEVE_LABELS, SLEEVES, type Sleeve } from '../../shared/domain/sleeve';
import { addDays } from '../../shared/engine/dates';
import { signals, type SignalMember } from '../../shared/engine/signals';
import { portfolioBars } from '../../shared/view/rotation-subjects';
import type { BackendContext } from './backend-context';

/** Days before `to` the list covers when no `from` is given. */
const DEFAULT_SIGNAL_DAYS = 30;

/** `portfolio:signals`: computed from the cache on each call, so it is current after every refresh. */
export function signalsHandlers({ snapshots, settings }: BackendContext): Pick<Handlers, 'portfolio:signals'> {
  return {
    'portfolio:signals': ({ from, to }) => {
      const current = settings.get();
      const { series } = snapshots.get().result;
      const last = series.days[series.days.length - 1];
      if (last === undefined) throw new ApiError('not_found', 'The portfolio has no history yet.');
      const end = to ?? last;
      const start = from ?? addDays(end, -DEFAULT_SIGNAL_DAYS);
      if (start > end) throw new ApiError('invalid_input', `from (${start}) is after to (${end}).`);
      const benchmark = current.benchmarkSymbol;
      const benchmarkBars = snapshots.history(benchmark);
      if (benchmarkBars.length === 0)
        throw new ApiError('not_found', `There are no cached prices for the benchmark ${benchmark}.`);
      const members: SignalMember[] = [];
      for (const sleeve of SLEEVES) {
        const bars = portfolioBars(series, { kind: 'sleeve', sleeve });
        if (bars !== null) members.push({ label: `${SLEEVE_LABELS[sleeve]} (sleeve)`, kind: 'sleeve', bars });
      }
      // Holdings held at some point of the window; each symbol once across accounts.
      const held = new Set(
        series.holdings
          .filter((h) =>
            h.values.some((v, t) => v > 0 && (series.days[t] as string) >= start && (series.days[t] as string) <= end),
          )
          .map((h) => h.symbol),
      );
      for (const symbol of [...held].sort()) {
        const bars = snapshots.history(symbol, end);
        if (bars.length > 0 && symbol !== benchmark) members.push({ label: symbol, kind: 'holding', bars });
      }
      const target = current.targetWeights;
      const values = Object.fromEntries(
        SLEEVES.map((s) => [
          s,
          series.sleeves.find((x) => x.sleeve === s)?.values ?? new Float64Array(series.days.length),
        ]),
      ) as Record<Sleeve, Float64Array>;
      return {
        from: start,
        to: end,
        benchmark,
        signals: signals({
          from: start,
          to: end,
          benchmark: { symbol: benchmark, bars: benchmarkBars },
          members,
          drift: target === null ? null : { days: series.days, values, target },
          labels: SLEEVE_LABELS,
          driftBandPct: current.driftBandPct,
          overheatPct: current.overheatPct,
        }),
      };
    },
  };
}
