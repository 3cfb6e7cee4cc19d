import { useRef, useState, type PointerEvent } from 'react';
import type { DayRange } from '../../../../shared/view/date-window';

export interface OverviewPoint {
  time: string;
  value: number;
}

const WIDTH = 1000;
const HEIGHT = 40;

/**
 * The whole history as a thin line; dragging across it selects the window (a light SVG rather
 * than a second chart: it only needs a line and a rectangle).
 */
export function OverviewBrush({
  points,
  selected,
  label,
  onSelect,
}: {
  points: readonly OverviewPoint[];
  selected: DayRange | null;
  label: string;
  onSelect: (range: DayRange) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const last = points.length - 1;
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    if (p.value < min) min = p.value;
    if (p.value > max) max = p.value;
  }
  const x = (i: number) => (i / last) * WIDTH;
  const y = (v: number) => (max === min ? HEIGHT / 2 : HEIGHT - 2 - ((v - min) / (max - min)) * (HEIGHT - 4));
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const indexAt = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    return Math.round(Math.min(Math.max((clientX - box.left) / box.width, 0), 1) * last);
  };
  const indexOf = (day: string) => {
    const i = points.findIndex((p) => p.time >= day);
    return i < 0 ? last : i;
  };
  const band = drag
    ? { a: Math.min(drag.start, drag.end), b: Math.max(drag.start, drag.end) }
    : selected
      ? { a: indexOf(selected.from), b: indexOf(selected.to) }
      : null;
  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const i = indexAt(e.clientX);
    setDrag({ start: i, end: i });
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (drag) setDrag({ ...drag, end: indexAt(e.clientX) });
  };
  const onUp = () => {
    if (!drag) return;
    const a = Math.min(drag.start, drag.end);
    const b = Math.max(drag.start, drag.end);
    setDrag(null);
    // A click without a drag selects nothing: it would be a one-day window.
    if (b - a >= 2) onSelect({ from: points[a]!.time, to: points[b]!.time });
  };
  return (
    <svg
      ref={svg}
      className="overview-brush"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}. Drag across it to choose a window.`}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={() => setDrag(null)}
    >
      {band && (
        <rect
          className="overview-selected"
          x={x(band.a)}
          y={0}
          width={Math.max(x(band.b) - x(band.a), 2)}
          height={HEIGHT}
        />
      )}
      <polyline className="overview-line" points={line} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
