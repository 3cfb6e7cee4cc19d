import { useId, useState } from 'react';
import {
  isCustom,
  parseWindow,
  windowLabel,
  type DateWindow,
  type DayRange,
  type WindowErrors,
  type WindowPreset,
} from '../../../../shared/view/date-window';
import { Segmented } from '../segmented';
import { OverviewBrush, type OverviewPoint } from './overview-brush';
import './date-window.css';

const PRESET_LABELS: Record<WindowPreset, string> = {
  '1D': '1D',
  '1M': '1M',
  '3M': '3M',
  YTD: 'YTD',
  '1Y': '1Y',
  '3Y': '3Y',
  '5Y': '5Y',
  ALL: 'All',
};

/**
 * Presets, typed From–To days and a brush on a small full-history strip: one control for every
 * chart screen. `shown` is the days the chart answered with (a preset resolved by the backend),
 * filled into the inputs and highlighted on the strip; `span` is the data's whole history.
 */
export function DateWindowControl({
  presets,
  value,
  onChange,
  shown,
  span,
  overview,
  idPrefix,
}: {
  presets: readonly WindowPreset[];
  value: DateWindow;
  onChange: (next: DateWindow) => void;
  shown?: DayRange | null;
  span?: DayRange | null;
  overview?: readonly OverviewPoint[];
  idPrefix: string;
}) {
  const [from, setFrom] = useState(shown?.from ?? '');
  const [to, setTo] = useState(shown?.to ?? '');
  const [errors, setErrors] = useState<WindowErrors>({});
  const errorId = useId();
  // The inputs follow the window shown (a preset, a drag, a zoom) until the user types: reset
  // while rendering when the days shown change (React's pattern for state derived from a prop).
  // Typed days are kept until shown or abandoned for a preset: an answer arriving meanwhile (the
  // first load) must not overwrite what the person is typing.
  const shownKey = shown ? `${shown.from}/${shown.to}` : '';
  const [seen, setSeen] = useState(shownKey);
  const [typing, setTyping] = useState(false);
  // A new window from anywhere (a drag, a zoom, Back) ends the typing: the inputs follow again.
  const valueKey = JSON.stringify(value);
  const [seenValue, setSeenValue] = useState(valueKey);
  if (valueKey !== seenValue) {
    setSeenValue(valueKey);
    setTyping(false);
  }
  if (shown && shownKey !== seen) {
    setSeen(shownKey);
    if (!typing) {
      setFrom(shown.from);
      setTo(shown.to);
      setErrors({});
    }
  }

  const apply = () => {
    const parsed = parseWindow(from, to, span ?? undefined);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    setTyping(false);
    onChange(parsed.value);
  };
  const options = presets.map((p) => ({ value: p as WindowPreset | 'CUSTOM', label: PRESET_LABELS[p] }));
  return (
    <div className="date-window">
      <Segmented
        label="Window"
        hideLabel
        options={options}
        value={isCustom(value) ? 'CUSTOM' : value.preset}
        onChange={(preset) => {
          if (preset === 'CUSTOM') return;
          setTyping(false);
          onChange({ preset });
        }}
      />
      <form
        className="date-window-days"
        aria-label="From–to window"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <label htmlFor={`${idPrefix}-from`}>From</label>
        <input
          id={`${idPrefix}-from`}
          type="date"
          value={from}
          min={span?.from}
          max={span?.to}
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={errors.from || errors.to ? errorId : undefined}
          onChange={(e) => {
            setTyping(true);
            setFrom(e.target.value);
          }}
        />
        <label htmlFor={`${idPrefix}-to`}>To</label>
        <input
          id={`${idPrefix}-to`}
          type="date"
          value={to}
          min={span?.from}
          max={span?.to}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.from || errors.to ? errorId : undefined}
          onChange={(e) => {
            setTyping(true);
            setTo(e.target.value);
          }}
        />
        <button type="submit" className="secondary small">
          Show
        </button>
        {(errors.from || errors.to) && (
          <p id={errorId} className="field-problem" role="alert">
            {[errors.from, errors.to].filter(Boolean).join(' ')}
          </p>
        )}
      </form>
      {overview && overview.length > 1 && (
        <OverviewBrush
          points={overview}
          selected={shown ?? null}
          label={shown ? `Whole history; shown: ${windowLabel(shown.from, shown.to)}` : 'Whole history'}
          onSelect={onChange}
        />
      )}
    </div>
  );
}
