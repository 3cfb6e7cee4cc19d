import { useCallback, useId, useState } from 'react';
import type { RrgOutput } from '../../../../shared/api/portfolio-schemas';
import { placeHeadLabels, rrgDomain, rrgTicks, toPlot } from '../../../../shared/view/rrg-layout';
import type { Quadrant } from '../../../../shared/engine/relative-rotation';
import { QUADRANT_LABELS, QUADRANTS, quadrantWord } from '../../../../shared/view/verdicts';
import './rrg-chart.css';

const BOX = { width: 640, height: 460, pad: 44 };

const fmt = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** On the chart a sleeve needs no "(your sleeve)": tickers and sleeve names do not look alike. */
export function shortLabel(member: RrgOutput['members'][number]): string {
  return member.kind === 'sleeve' ? member.label.replace(/ \(your sleeve\)$/, '') : member.label;
}

/** Indexes in drawing order: the highlighted member last, so it is drawn on top. */
function drawOrder(count: number, highlighted: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  return highlighted < 0 ? order : [...order.filter((i) => i !== highlighted), highlighted];
}

/** Who sits where, in words: the chart's text alternative. */
export function describeRrg(data: RrgOutput): string {
  const parts = QUADRANTS.map((q) => {
    const names = data.members.filter((m) => m.quadrant === q).map((m) => m.label);
    return `${QUADRANT_LABELS[q]}: ${names.length > 0 ? names.join(', ') : 'none'}`;
  });
  return `${parts.join('. ')}.`;
}

/**
 * Relative rotation: RS-Ratio across, RS-Momentum up, against the benchmark at 100/100. Each
 * member's tail runs through its recent weeks and ends in a dot at the latest week.
 */
export function RrgChart({
  data,
  highlight = null,
  onHighlight,
  colorOf,
}: {
  data: RrgOutput;
  /** The member drawn on top, the others faded. */
  highlight?: string | null;
  onHighlight?: (key: string | null) => void;
  /** A member's colour slot (0–7), kept when others are hidden; default: its place in `data`. */
  colorOf?: (key: string) => number;
}) {
  const id = useId();
  const domain = rrgDomain(data.members.flatMap((m) => m.tail));
  const at = (ratio: number, momentum: number) => toPlot({ ratio, momentum }, domain, BOX);
  const centre = at(100, 100);
  // Labels are placed by their drawn widths, measured once drawn (estimated before): the ref
  // runs again whenever the members change, after their labels are in the page.
  const [widths, setWidths] = useState<Record<string, number>>({});
  const names = data.members.map(shortLabel).join('\n');
  const measure = useCallback(
    (svg: SVGSVGElement | null) => {
      const texts = [...(svg?.querySelectorAll<SVGTextElement>('text.rrg-label') ?? [])];
      if (texts.length === 0 || typeof texts[0]!.getBBox !== 'function') return;
      const measured: Record<string, number> = {};
      const wanted = new Set(names.split('\n'));
      for (const t of texts) if (wanted.has(t.textContent ?? '')) measured[t.textContent ?? ''] = t.getBBox().width;
      if (Object.entries(measured).some(([k, w]) => Math.abs((widths[k] ?? -1) - w) > 0.5))
        setWidths((before) => ({ ...before, ...measured }));
    },
    [names, widths],
  );
  const tracks = data.members.map((m) => m.tail.map((p) => at(p.ratio, p.momentum)));
  // Labels right of their dot, or left, or a line up or down: apart from each other and the dots.
  const labels = placeHeadLabels(
    tracks.map((points, i) => {
      const head = points.at(-1) ?? { x: -999, y: -999 };
      const text = shortLabel(data.members[i]!);
      return { x: head.x, y: head.y, width: (widths[text] ?? text.length * 8) + 4 };
    }),
    BOX,
  );
  const left = BOX.pad;
  const right = BOX.width - BOX.pad;
  const top = BOX.pad;
  const bottom = BOX.height - BOX.pad;
  const quadrantBox: Record<
    Quadrant,
    { x: number; y: number; w: number; h: number; lx: number; ly: number; anchor: 'start' | 'end' }
  > = {
    improving: { x: left, y: top, w: centre.x - left, h: centre.y - top, lx: left + 8, ly: top + 18, anchor: 'start' },
    leading: {
      x: centre.x,
      y: top,
      w: right - centre.x,
      h: centre.y - top,
      lx: right - 8,
      ly: top + 18,
      anchor: 'end',
    },
    lagging: {
      x: left,
      y: centre.y,
      w: centre.x - left,
      h: bottom - centre.y,
      lx: left + 8,
      ly: bottom - 10,
      anchor: 'start',
    },
    weakening: {
      x: centre.x,
      y: centre.y,
      w: right - centre.x,
      h: bottom - centre.y,
      lx: right - 8,
      ly: bottom - 10,
      anchor: 'end',
    },
  };
  return (
    <svg
      ref={measure}
      className="rrg"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid="rrg-chart"
    >
      <title id={`${id}-title`}>Relative rotation against {data.benchmarkLabel}</title>
      <desc id={`${id}-desc`}>{describeRrg(data)}</desc>
      {QUADRANTS.map((q) => {
        const b = quadrantBox[q];
        return (
          <g key={q} className={`rrg-quadrant q-${q}`}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} />
            <text x={b.lx} y={b.ly} textAnchor={b.anchor}>
              {QUADRANT_LABELS[q]}
            </text>
          </g>
        );
      })}
      <g className="rrg-axes" aria-hidden="true">
        {rrgTicks(domain.halfRatio).map((t) => (
          <text key={`x${t}`} x={at(t, 100).x} y={bottom + 16} textAnchor="middle">
            {fmt.format(t)}
          </text>
        ))}
        {rrgTicks(domain.halfMomentum).map((t) => (
          <text key={`y${t}`} x={left - 6} y={at(100, t).y + 4} textAnchor="end">
            {fmt.format(t)}
          </text>
        ))}
        <text x={right} y={bottom + 34} textAnchor="end" className="rrg-axis-title">
          RS-Ratio →
        </text>
        <text x={left - 34} y={top - 14} className="rrg-axis-title">
          RS-Momentum ↑
        </text>
        <line className="rrg-cross" x1={centre.x} x2={centre.x} y1={top} y2={bottom} />
        <line className="rrg-cross" x1={left} x2={right} y1={centre.y} y2={centre.y} />
      </g>
      {drawOrder(
        data.members.length,
        data.members.findIndex((m) => m.key === highlight),
      ).map((i) => {
        const member = data.members[i]!;
        const points = tracks[i] ?? [];
        const head = points.at(-1);
        if (!head) return null;
        const last = member.tail.at(-1);
        const state = highlight === null ? '' : highlight === member.key ? ' highlighted' : ' faded';
        return (
          <g
            key={member.key}
            className={`rrg-member c${(colorOf ? colorOf(member.key) : i) % 8}${state}`}
            data-testid={`rrg-${member.key}`}
            tabIndex={onHighlight ? 0 : undefined}
            aria-label={last ? `${member.label}: ${quadrantWord(last.ratio, last.momentum)}` : undefined}
            onMouseEnter={onHighlight ? () => onHighlight(member.key) : undefined}
            onMouseLeave={onHighlight ? () => onHighlight(null) : undefined}
            onFocus={onHighlight ? () => onHighlight(member.key) : undefined}
            onBlur={onHighlight ? () => onHighlight(null) : undefined}
          >
            <title>
              {member.label}: {last ? quadrantWord(last.ratio, last.momentum) : 'not enough weeks'}
            </title>
            <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} />
            {points.slice(0, -1).map((p, k) => (
              <circle key={k} cx={p.x} cy={p.y} r={2} className="rrg-step" />
            ))}
            <circle cx={head.x} cy={head.y} r={5.5} className="rrg-head" />
            <text x={labels[i]?.x} y={labels[i]?.y} textAnchor={labels[i]?.anchor} className="rrg-label">
              {shortLabel(member)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
