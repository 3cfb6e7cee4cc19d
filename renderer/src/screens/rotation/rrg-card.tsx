import { useCallback, useMemo, useState } from 'react';
import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { SLEEVES } from '../../../../shared/domain/sleeve';
import {
  parseSymbols,
  RRG_TAILS,
  rrgFromQuery,
  rrgQueryChanges,
  type RrgState,
} from '../../../../shared/view/rrg-query';
import { rrgFrame, rrgStops } from '../../../../shared/view/rrg-view';
import { useHoldings, useRrg } from '../../api/portfolio-hooks';
import { hashQuery, writeHashQuery } from '../../app/hash-location';
import { ErrorNote } from '../../components/error-note';
import { formatDay } from '../../format/format';
import { Segmented } from '../../components/segmented';
import { RrgChart } from './rrg-chart';
import { RrgScrubber } from './rrg-scrubber';
import { RrgTable } from './rrg-table';
import { BenchmarkField } from './benchmark-field';

/**
 * Every state a bookmark should bring back (week, tail, closes, benchmark, members) starts from
 * the hash and is written back to it as it changes, replacing the history entry: stepping or
 * playing through weeks must not fill Back. The hash is read once, on opening the screen.
 */
function useRrgState(): [RrgState, (changes: Partial<RrgState>) => void] {
  const [state, setState] = useState<RrgState>(() => rrgFromQuery(hashQuery()));
  const update = useCallback((changes: Partial<RrgState>) => {
    setState((before) => ({ ...before, ...changes }));
    writeHashQuery(rrgQueryChanges(changes), { replace: true });
  }, []);
  return [state, update];
}

export function RrgCard({ symbols, defaultBenchmark }: { symbols: readonly string[]; defaultBenchmark: Subject }) {
  const [{ week: end, tail, period, benchmark, members, symbols: typed }, update] = useRrgState();
  const [playing, setPlaying] = useState(false);
  const [speedMs, setSpeedMs] = useState(500);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [highlight, setHighlight] = useState<string | null>(null);
  const holdings = useHoldings('open');
  const chosenBenchmark = benchmark ?? defaultBenchmark;

  const subjects = useMemo<Subject[]>(() => {
    if (members === 'symbols') return typed.map((symbol) => ({ kind: 'symbol', symbol }));
    const sleeves: Subject[] = SLEEVES.map((sleeve) => ({ kind: 'sleeve', sleeve }));
    const held = [...new Set((holdings.data?.rows ?? []).map((r) => r.symbol))]
      .sort()
      .slice(0, 40 - (members === 'both' ? sleeves.length : 0))
      .map((symbol): Subject => ({ kind: 'symbol', symbol }));
    return members === 'sleeves' ? sleeves : members === 'holdings' ? held : [...sleeves, ...held];
  }, [holdings.data, members, typed]);

  // Every point once; each step of the scrubber is a cut of it (rrgFrame), not a new query.
  const rrg = useRrg(
    subjects.length > 0
      ? { benchmark: chosenBenchmark, members: subjects, tail, period, history: true, heldOnly: members !== 'symbols' }
      : null,
  );
  const data = rrg.data;
  const stops = useMemo(() => (data ? rrgStops(data) : []), [data]);
  // The end kept as a day, so switching weekly/daily or members stays near the same date.
  let index = stops.length - 1;
  if (end !== null) while (index > 0 && (stops[index] as string) > end) index--;
  const endDay = stops[index] ?? null;
  const frame = useMemo(() => (data && endDay ? rrgFrame(data, endDay, tail) : null), [data, endDay, tail]);
  const shown = useMemo(
    () => (frame ? { ...frame, members: frame.members.filter((m) => !hidden.has(m.key)) } : null),
    [frame, hidden],
  );
  const colors = useMemo(() => new Map((data?.members ?? []).map((m, i) => [m.key, i])), [data]);
  const colorOf = useCallback((key: string) => colors.get(key) ?? 0, [colors]);
  const onIndex = useCallback((i: number) => update({ week: stops[i] ?? null }), [stops, update]);
  const toggle = (key: string) =>
    setHidden((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <section className="card" aria-labelledby="rrg-title">
      <div className="card-head">
        <h2 id="rrg-title">Relative rotation</h2>
        <p className="muted small">
          RS-Ratio × RS-Momentum on {period} closes; tails turn clockwise through the quadrants.
        </p>
      </div>
      <div className="filters">
        <BenchmarkField
          id="rrg-benchmark"
          value={chosenBenchmark}
          symbols={symbols}
          onChange={(next) => update({ benchmark: next })}
        />
        <Segmented
          label="Members"
          options={[
            { value: 'sleeves', label: 'Sleeves' },
            { value: 'holdings', label: 'Holdings' },
            { value: 'both', label: 'Both' },
            { value: 'symbols', label: 'Symbols' },
          ]}
          value={members}
          onChange={(next) => update({ members: next })}
        />
        {members === 'symbols' && (
          <div className="field">
            <label htmlFor="rrg-symbols">Symbols to compare</label>
            <input
              id="rrg-symbols"
              defaultValue={typed.join(' ')}
              placeholder="XLF XLK RUT"
              // Asked for on Enter or leaving the field, not on every key.
              onBlur={(e) => update({ symbols: parseSymbols(e.target.value) })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') update({ symbols: parseSymbols(e.currentTarget.value) });
              }}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="rrg-tail">Tail</label>
          <select id="rrg-tail" value={tail} onChange={(e) => update({ tail: Number(e.target.value) })}>
            {RRG_TAILS.map((n) => (
              <option key={n} value={n}>
                {n} {period === 'weekly' ? 'weeks' : 'days'}
              </option>
            ))}
          </select>
        </div>
        <Segmented
          label="Closes"
          options={[
            { value: 'weekly', label: 'Weekly' },
            { value: 'daily', label: 'Daily' },
          ]}
          value={period}
          onChange={(next) => update({ period: next })}
        />
      </div>
      {rrg.isError && <ErrorNote what="draw the rotation" error={rrg.error} />}
      {data && data.missing.length > 0 && (
        <p className="warn small" role="status" data-testid="rrg-missing">
          No prices for {data.missing.join(', ')}: import or refresh them to add them to the graph.
        </p>
      )}
      {subjects.length === 0 && members !== 'symbols' && (
        <p className="muted">No holdings yet: record a buy to see your positions rotate.</p>
      )}
      {data && data.members.length === 0 && (
        <p className="muted">
          None of these has enough {period} prices against {data.benchmarkLabel} yet (14 are needed).
        </p>
      )}
      {data && shown && stops.length > 0 && (
        <>
          <RrgScrubber
            stops={stops}
            index={index}
            onIndex={onIndex}
            playing={playing}
            onPlaying={setPlaying}
            speedMs={speedMs}
            onSpeedMs={setSpeedMs}
            unit={period === 'weekly' ? 'week' : 'day'}
          />
          <p className="muted small" data-testid="rrg-week">
            Quadrants for the {period === 'weekly' ? 'week' : 'day'} of {formatDay(endDay)}, each against its own last
            14 {period === 'weekly' ? 'weeks' : 'days'}.
            {shown.members.some((m) => m.ended) &&
              ` Ends early: ${shown.members
                .filter((m) => m.ended)
                .map((m) => `${m.label} (${formatDay(m.ended)})`)
                .join(', ')}.`}
          </p>
          <RrgChart data={shown} highlight={highlight} onHighlight={setHighlight} colorOf={colorOf} />
          <details open={data.members.length > 4}>
            <summary>Members by quadrant</summary>
            <RrgTable
              data={frame ?? shown}
              toggles={{ hidden, onToggle: toggle, highlight, onHighlight: setHighlight }}
            />
          </details>
        </>
      )}
    </section>
  );
}
