import type { CallOutput, Handlers, ParsedInput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import type { Bar, CloseSeries } from '../../shared/domain/bar';
import { SLEEVE_LABELS, SLEEVES, type Sleeve } from '../../shared/domain/sleeve';
import { indexOfDayOnOrBefore, lowerBound } from '../../shared/engine/bars';
import { addDays, dayFromNumber, dayToNumber } from '../../shared/engine/dates';
import { signals, type SignalMember } from '../../shared/engine/signals';
import type { ValueSeries } from '../../shared/engine/valuation';
import { portfolioBars } from '../../shared/view/rotation-subjects';
import type { BackendContext } from './backend-context';

/** Days before `to` the list covers when no `from` is given. */
const DEFAULT_SIGNAL_DAYS = 30;

// The snapshot's closes as bars: the same rows quotes.closes reads (both resolve one row per day
// as history does), without reading every held symbol's closes again (most of a cold
// portfolio:signals at 600,000 bars). Made per call and not kept: the answer is kept instead, and
// every held symbol's bars kept as objects were tens of MB of the backend's heap at scale.
// Held symbols share trading days: a few thousand distinct days across 600,000 bars.
const dayTexts = new Map<number, string>();
function dayText(n: number): string {
  let text = dayTexts.get(n);
  if (text === undefined) dayTexts.set(n, (text = dayFromNumber(n)));
  return text;
}

/** A series' closes as bars, to `end` (inclusive) when given. */
export function seriesBars(series: CloseSeries, end?: string): Bar[] {
  let n = series.days.length;
  if (end !== undefined) {
    const last = dayToNumber(end);
    while (n > 0 && series.days[n - 1]! > last) n--;
  }
  return Array.from(series.days.subarray(0, n), (day, i) => ({ day: dayText(day), close: series.closes[i]! }));
}

/**
 * The symbols held at some point of [start, end]: a value above zero on a day inside it; each
 * symbol once across accounts. A holding worth something on the series' last day, inside the
 * window, is held without reading its days: reading them works out and keeps the holding's daily
 * arrays (valuation.ts), some 15 MB at scale. The window's days are one stretch of the ascending
 * valuation days: only they are looked at.
 */
export function heldInWindow(series: Pick<ValueSeries, 'days' | 'holdings'>, start: string, end: string): Set<string> {
  const last = series.days.at(-1);
  const lastInside = last !== undefined && last >= start && last <= end;
  const [first, past] = [lowerBound(series.days, start), indexOfDayOnOrBefore(series.days, end) + 1];
  const held = (h: ValueSeries['holdings'][number]) => {
    if (lastInside && h.lastValue > 0) return true;
    const values = h.values;
    for (let t = first; t < past; t++) if ((values[t] as number) > 0) return true;
    return false;
  };
  return new Set(series.holdings.filter(held).map((h) => h.symbol));
}

/**
 * `portfolio:signals`: worked out from the cache and kept until the data or the settings change
 * (data:changed), so it is current after every refresh and the Rotation screen's calls that queue
 * behind it are not held up again.
 */
export function signalsHandlers({ snapshots, settings, events }: BackendContext): Pick<Handlers, 'portfolio:signals'> {
  let version = 0;
  events.subscribe((name) => {
    if (name === 'data:changed') version++;
  });
  let cached: { key: string; answer: CallOutput<'portfolio:signals'> } | null = null;
  return {
    'portfolio:signals': (input) => {
      const key = `${version}|${input.from ?? ''}|${input.to ?? ''}|${JSON.stringify(settings.get())}`;
      if (cached?.key !== key) cached = { key, answer: compute(input) };
      return chosen(cached.answer, input);
    },
  };

  function compute({ from, to }: ParsedInput<'portfolio:signals'>): CallOutput<'portfolio:signals'> {
    const current = settings.get();
    const snapshot = snapshots.get();
    const { series } = snapshot.result;
    /** A symbol's closes to `end` (every day without one), from the snapshot when it holds them. */
    const history = (symbol: string, end?: string): Bar[] => {
      const held = snapshot.closes.get(symbol);
      return held === undefined ? snapshots.history(symbol, end) : seriesBars(held, end);
    };
    const last = series.days[series.days.length - 1];
    if (last === undefined) throw new ApiError('not_found', 'The portfolio has no history yet.');
    const end = to ?? last;
    const start = from ?? addDays(end, -DEFAULT_SIGNAL_DAYS);
    if (start > end) throw new ApiError('invalid_input', `from (${start}) is after to (${end}).`);
    const benchmark = current.benchmarkSymbol;
    const benchmarkBars = history(benchmark);
    if (benchmarkBars.length === 0)
      throw new ApiError('not_found', `There are no cached prices for the benchmark ${benchmark}.`);
    const held = heldInWindow(series, start, end);
    // Made as signals() takes them: one holding's bars in memory at a time.
    function* members(): Generator<SignalMember> {
      for (const sleeve of SLEEVES) {
        const bars = portfolioBars(series, { kind: 'sleeve', sleeve });
        if (bars !== null) yield { label: `${SLEEVE_LABELS[sleeve]} (sleeve)`, kind: 'sleeve', bars };
      }
      for (const symbol of [...held].sort()) {
        if (symbol === benchmark) continue;
        const bars = history(symbol, end);
        if (bars.length > 0) yield { label: symbol, kind: 'holding', bars };
      }
    }
    const target = current.targetWeights;
    const values = Object.fromEntries(
      SLEEVES.map((s) => [
        s,
        series.sleeves.find((x) => x.sleeve === s)?.values ?? new Float64Array(series.days.length),
      ]),
    ) as Record<Sleeve, Float64Array>;
    const list = signals({
      from: start,
      to: end,
      benchmark: { symbol: benchmark, bars: benchmarkBars },
      members: members(),
      drift: target === null ? null : { days: series.days, values, target },
      labels: SLEEVE_LABELS,
      driftBandPct: current.driftBandPct,
      overheatPct: current.overheatPct,
    });
    return { from: start, to: end, benchmark, total: list.length, signals: list };
  }
}

/** The kind asked for and the newest `limit` of it, from the window's whole list (oldest first). */
function chosen(
  all: CallOutput<'portfolio:signals'>,
  { kind, limit }: ParsedInput<'portfolio:signals'>,
): CallOutput<'portfolio:signals'> {
  if (kind === undefined && (limit === undefined || limit >= all.signals.length)) return all;
  const ofKind = kind === undefined ? all.signals : all.signals.filter((s) => s.kind === kind);
  const signals = limit === undefined || limit >= ofKind.length ? ofKind : ofKind.slice(ofKind.length - limit);
  return { ...all, total: ofKind.length, signals };
}
