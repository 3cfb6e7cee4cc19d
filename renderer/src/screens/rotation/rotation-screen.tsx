import { useMemo, useState } from 'react';
import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { useRotation } from '../../api/portfolio-hooks';
import { useQuoteList, useSettings } from '../../api/quote-hooks';
import { ErrorNote } from '../../components/error-note';
import { Screen } from '../../components/screen';
import { Segmented } from '../../components/segmented';
import { RotationChart } from './rotation-chart-card';
import { RrgCard } from './rrg-card';
import { AttributionCard } from './attribution-card';
import { SignalsCard } from './signals-card';
import { SubjectPicker } from './subject-picker';
import { PRESETS, resolvePreset, subjectName } from './subjects';
import './rotation.css';

type Range = '1' | '3' | '5' | 'all';
const RANGES: { value: Range; label: string }[] = [
  { value: '1', label: '1Y' },
  { value: '3', label: '3Y' },
  { value: '5', label: '5Y' },
  { value: 'all', label: 'All' },
];

interface Pair {
  subject: Subject;
  vs: Subject;
}

export function RotationScreen() {
  const quotes = useQuoteList();
  const settings = useSettings();
  const [pair, setPair] = useState<Pair | null>(null);
  const [range, setRange] = useState<Range>('5');
  const [average, setAverage] = useState(50);

  const symbols = useMemo(() => (quotes.data ?? []).map((q) => q.symbol).sort(), [quotes.data]);
  const cached = useMemo(() => new Set(symbols), [symbols]);
  const benchmark: Subject = { kind: 'symbol', symbol: settings.data?.benchmarkSymbol ?? 'SPY' };
  // Until the user picks, start on the first preset (small caps against the S&P 500).
  const chosen = pair ?? (quotes.data ? resolvePreset(PRESETS[0]!, cached) : null);
  // The range counts back from the last day the pair shares, which the backend knows: the newest
  // price of some other symbol says nothing about this pair.
  const years = range === 'all' ? {} : { years: Number(range) };
  const rotation = useRotation(chosen && settings.data ? { ...chosen, ...years, average } : null);

  return (
    <Screen title="Rotation">
      <section className="card" aria-labelledby="rs-title">
        <div className="card-head">
          <h2 id="rs-title">
            {chosen ? `${subjectName(chosen.subject)} against ${subjectName(chosen.vs)}` : 'Relative strength'}
          </h2>
          <div className="presets" role="group" aria-label="Presets">
            {PRESETS.map((preset) => (
              <button
                key={preset.id}
                type="button"
                className="secondary small"
                onClick={() => setPair(resolvePreset(preset, cached))}
              >
                {preset.label}
              </button>
            ))}
            <button
              type="button"
              className="secondary small"
              onClick={() => setPair({ subject: { kind: 'portfolio' }, vs: benchmark })}
            >
              Portfolio vs benchmark
            </button>
          </div>
        </div>
        {chosen && (
          <div className="filters">
            <SubjectPicker
              id="rot-subject"
              label="Chart"
              value={chosen.subject}
              symbols={symbols}
              onChange={(subject) => setPair({ ...chosen, subject })}
            />
            <SubjectPicker
              id="rot-vs"
              label="Against"
              value={chosen.vs}
              symbols={symbols}
              onChange={(vs) => setPair({ ...chosen, vs })}
            />
            <div className="field">
              <label htmlFor="rot-average">Average</label>
              <select id="rot-average" value={average} onChange={(e) => setAverage(Number(e.target.value))}>
                {[20, 50, 100, 200].map((n) => (
                  <option key={n} value={n}>
                    {n} days
                  </option>
                ))}
              </select>
            </div>
            <Segmented label="Range" options={RANGES} value={range} onChange={setRange} />
          </div>
        )}
        {quotes.data && quotes.data.length === 0 && (
          <p className="muted">
            No prices are cached yet. Load the demo portfolio from the dashboard, or import or refresh quotes under
            Import &amp; export.
          </p>
        )}
        {rotation.isError && <ErrorNote what="draw this comparison" error={rotation.error} />}
        {rotation.data && !rotation.isError && (
          <RotationChart data={rotation.data} averageDays={average} money={chosen?.subject.kind === 'symbol'} />
        )}
      </section>
      <RrgCard symbols={symbols} defaultBenchmark={benchmark} />
      <AttributionCard />
      <SignalsCard />
    </Screen>
  );
}
