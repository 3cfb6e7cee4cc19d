import { useCallback, useMemo, useState } from 'react';
import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { SLEEVES } from '../../../../shared/domain/sleeve';
import { rrgFrame, rrgStops } from '../../../../shared/view/rrg-view';
import { useHoldings, useRrg } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { formatDay } from '../../format/format';
import { Segmented } from '../../components/segmented';
import { RrgChart } from './rrg-chart';
import { RrgScrubber } from './rrg-scrubber';
import { RrgTable } from './rrg-table';
import { SubjectPicker } from './subject-picker';

type Members = 'sleeves' | 'holdings' | 'both' | 'symbols';

const TAILS = [4, 8, 12, 26];

/** Typed symbols, "xlf, XLK rut" → XLF, XLK, RUT: once each, at most 40. */
export function parseSymbols(text: string): string[] {
  return [
    ...new Set(
      text
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter(Boolean),
    ),
  ].slice(0, 40);
}

export function RrgCard({ symbols, defaultBenchmark }: { symbols: readonly string[]; defaultBenchmark: Subject }) {
  const [benchmark, setBenchmark] = useState<Subject | null>(null);
  const [members, setMembers] = useState<Members>('sleeves');
  const [typed, setTyped] = useState('XLF XLK RUT');
  const [tail, setTail] = useState(8);
  const [period, setPeriod] = useState<'weekly' | 'daily'>('weekly');
  const [end, setEnd] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speedMs, setSpeedMs] = useState(500);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [highlight, setHighlight] = useState<string | null>(null);
  const holdings = useHoldings('open');
  const chosenBenchmark = benchmark ?? defaultBenchmark;

  const subjects = useMemo<Subject[]>(() => {
    if (members === 'symbols') return parseSymbols(typed).map((symbol) => ({ kind: 'symbol', symbol }));
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
  const onIndex = useCallback((i: number) => setEnd(stops[i] ?? null), [stops]);
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
        <SubjectPicker
          id="rrg-benchmark"
          label="Against"
          value={chosenBenchmark}
          symbols={symbols}
          onChange={setBenchmark}
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
          onChange={setMembers}
        />
        {members === 'symbols' && (
          <div className="field">
            <label htmlFor="rrg-symbols">Symbols to compare</label>
            <input
              id="rrg-symbols"
              defaultValue={typed}
              placeholder="XLF XLK RUT"
              // Asked for on Enter or leaving the field, not on every key.
              onBlur={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') setTyped(e.currentTarget.value);
              }}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="rrg-tail">Tail</label>
          <select id="rrg-tail" value={tail} onChange={(e) => setTail(Number(e.target.value))}>
            {TAILS.map((n) => (
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
          onChange={setPeriod}
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
