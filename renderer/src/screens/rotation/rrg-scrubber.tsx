import { useEffect, useId } from 'react';
import { formatDay } from '../../format/format';

export const PLAY_SPEEDS = [
  { label: '1 step/s', ms: 1000 },
  { label: '2 steps/s', ms: 500 },
  { label: '4 steps/s', ms: 250 },
] as const;

/**
 * The graph's end week: a slider over the weeks with data (arrow keys step one, Page Up/Down
 * four, Home/End the first and last, as any slider), and Play, which steps on by itself and stops
 * at the last week.
 */
export function RrgScrubber({
  stops,
  index,
  onIndex,
  playing,
  onPlaying,
  speedMs,
  onSpeedMs,
  unit,
}: {
  stops: readonly string[];
  index: number;
  onIndex: (index: number) => void;
  playing: boolean;
  onPlaying: (playing: boolean) => void;
  speedMs: number;
  onSpeedMs: (ms: number) => void;
  unit: 'week' | 'day';
}) {
  const id = useId();
  const last = stops.length - 1;

  useEffect(() => {
    if (!playing) return;
    if (index >= last) {
      onPlaying(false);
      return;
    }
    const timer = setTimeout(() => onIndex(index + 1), speedMs);
    return () => clearTimeout(timer);
  }, [playing, index, last, speedMs, onIndex, onPlaying]);

  const day = stops[index] ?? null;
  return (
    <div className="rrg-scrubber filters" data-testid="rrg-scrubber">
      <div className="field rrg-scrubber-range">
        <label htmlFor={`${id}-end`}>{unit === 'week' ? 'Week ending' : 'Day'}</label>
        <input
          id={`${id}-end`}
          type="range"
          min={0}
          max={Math.max(0, last)}
          step={1}
          value={index}
          aria-valuetext={formatDay(day)}
          onChange={(e) => onIndex(Number(e.target.value))}
        />
        <output htmlFor={`${id}-end`} data-testid="rrg-end">
          {formatDay(day)}
        </output>
      </div>
      <button
        type="button"
        onClick={() => {
          // From the last week, play the half year up to it again.
          if (!playing && index >= last) onIndex(Math.max(0, last - 26));
          onPlaying(!playing);
        }}
        aria-pressed={playing}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <div className="field">
        <label htmlFor={`${id}-speed`}>Speed</label>
        <select id={`${id}-speed`} value={speedMs} onChange={(e) => onSpeedMs(Number(e.target.value))}>
          {PLAY_SPEEDS.map((s) => (
            <option key={s.ms} value={s.ms}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
