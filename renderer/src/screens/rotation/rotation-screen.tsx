import { useMemo, useState } from 'react';
import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { useRotation } from '../../api/portfolio-hooks';
import { useQuoteList, useSettings } from '../../api/quote-hooks';
import { ErrorNote } from '../../components/error-note';
import { Screen } from '../../components/screen';
import { DateWindowControl, useDateWindow } from '../../components/date-window';
import { isCustom, presetRange, type DateWindow, type WindowPreset } from '../../../../shared/view/date-window';
import { RotationChart } from './rotation-chart-card';
import { RrgCard } from './rrg-card';
import { AttributionCard } from './attribution-card';
import { SignalsCard } from './signals-card';
import { SubjectPicker } from './subject-picker';
import { PRESETS, resolvePreset, subjectName } from './subjects';
import './rotation.css';

const PRESETS_SHOWN: readonly WindowPreset[] = ['1M', '3M', 'YTD', '1Y', '3Y', '5Y', 'ALL'];
const DEFAULT_WINDOW: DateWindow = { preset: '5Y' };

interface Pair {
  subject: Subject;
  vs: Subject;
}

export function RotationScreen() {
  const quotes = useQuoteList();
  const settings = useSettings();
  const [pair, setPair] = useState<Pair | null>(null);
  const [dateWindow, setWindow] = useDateWindow(DEFAULT_WINDOW);
  const [average, setAverage] = useState(50);

  const symbols = useMemo(() => (quotes.data ?? []).map((q) => q.symbol).sort(), [quotes.data]);
  const cached = useMemo(() => new Set(symbols), [symbols]);
  const benchmark: Subject = { kind: 'symbol', symbol: settings.data?.benchmarkSymbol ?? 'SPY' };
  // Until the user picks, start on the first preset (small caps against the S&P 500).
  const chosen = pair ?? (quotes.data ? resolvePreset(PRESETS[0]!, cached) : null);
  // The pair's whole history: the overview strip, and the span a preset counts back from (the last
  // day the pair shares, which the backend knows: the newest price of some other symbol says
  // nothing about this pair). The window's own call computes every figure for the days shown.
  // Asked as an overview: the span and a price line cut to the strip, not every line's every day.
  const whole = useRotation(chosen && settings.data ? { ...chosen, average, overview: true } : null);
  const span = whole.data?.stats.from ? { from: whole.data.stats.from, to: whole.data.stats.to as string } : null;
  const days = isCustom(dateWindow) ? dateWindow : span ? presetRange(dateWindow.preset, span) : null;
  const rotation = useRotation(chosen && days ? { ...chosen, from: days.from, to: days.to, average } : null);
  const shown = rotation.data?.stats.from
    ? { from: rotation.data.stats.from, to: rotation.data.stats.to as string }
    : null;

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
            <DateWindowControl
              idPrefix="rot-window"
              presets={PRESETS_SHOWN}
              value={dateWindow}
              onChange={(next) => setWindow(next)}
              shown={shown}
              span={span}
              overview={whole.data?.price}
            />
          </div>
        )}
        {quotes.data && quotes.data.length === 0 && (
          <p className="muted">
            No prices are cached yet. Load the demo portfolio from the dashboard, or import or refresh quotes under
            Import &amp; export.
          </p>
        )}
        {(rotation.isError || whole.isError) && (
          <ErrorNote what="draw this comparison" error={rotation.error ?? whole.error} />
        )}
        {rotation.data && !rotation.isError && (
          <RotationChart
            data={rotation.data}
            averageDays={average}
            money={chosen?.subject.kind === 'symbol'}
            onZoom={(zoomed) => setWindow(zoomed, { replace: true })}
          />
        )}
      </section>
      <RrgCard symbols={symbols} defaultBenchmark={benchmark} />
      {/* The screen's window drives them too: every figure on the screen covers the days shown. */}
      <AttributionCard from={days?.from} to={days?.to} />
      <SignalsCard from={days?.from} to={days?.to} />
    </Screen>
  );
}
