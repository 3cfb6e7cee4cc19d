// The relative-rotation scatter's geometry: RS-Ratio across, RS-Momentum up, 100/100 in the middle.

export interface RrgPoint {
  ratio: number;
  momentum: number;
}

export interface RrgDomain {
  /** Distance from 100 to each edge, across and up. */
  halfRatio: number;
  halfMomentum: number;
}

/** Symmetric around 100 so the four quadrants are the same size; at least `minHalf` each way. */
export function rrgDomain(points: readonly RrgPoint[], minHalf = 2, margin = 1.1): RrgDomain {
  let halfRatio = minHalf;
  let halfMomentum = minHalf;
  for (const p of points) {
    if (!Number.isFinite(p.ratio) || !Number.isFinite(p.momentum)) continue;
    halfRatio = Math.max(halfRatio, Math.abs(p.ratio - 100) * margin);
    halfMomentum = Math.max(halfMomentum, Math.abs(p.momentum - 100) * margin);
  }
  return { halfRatio: niceCeil(halfRatio), halfMomentum: niceCeil(halfMomentum) };
}

/** 1, 2, 2.5, 5 × a power of ten, at or above x: axis edges on round numbers. */
export function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= x - 1e-9) return step * power;
  return 10 * power;
}

export interface PlotBox {
  width: number;
  height: number;
  pad: number;
}

export function toPlot(p: RrgPoint, domain: RrgDomain, box: PlotBox): { x: number; y: number } {
  const w = box.width - 2 * box.pad;
  const h = box.height - 2 * box.pad;
  return {
    x: box.pad + ((p.ratio - (100 - domain.halfRatio)) / (2 * domain.halfRatio)) * w,
    y: box.pad + (1 - (p.momentum - (100 - domain.halfMomentum)) / (2 * domain.halfMomentum)) * h,
  };
}

/** Round-number ticks between the edges, 100 included. */
export function rrgTicks(half: number): number[] {
  const step = niceCeil(half / 2);
  const ticks: number[] = [];
  for (let v = 100 - Math.floor(half / step) * step; v <= 100 + half + 1e-9; v += step)
    ticks.push(Number(v.toFixed(6)));
  return ticks;
}

export interface HeadLabel {
  /** The member's dot. */
  x: number;
  y: number;
  /** The label's width in px. */
  width: number;
}

export interface PlacedLabel {
  /** Text anchor point (baseline), with `anchor` as in SVG. */
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/**
 * Labels for many dots: each tries right of its dot, then left, then each side nudged up and
 * down a line at a time, and takes the first spot that overlaps no label placed before it, no
 * other dot, and stays inside the box. Dots are labelled top to bottom; a label with no free
 * spot within `maxSteps` lines takes the one with the fewest clashes.
 */
export function placeHeadLabels(
  heads: readonly HeadLabel[],
  box: { width: number; height: number },
  lineHeight = 14,
  gap = 8,
  dotRadius = 6,
  maxSteps = 8,
): PlacedLabel[] {
  type Rect = { left: number; right: number; top: number; bottom: number };
  const placed: Rect[] = [];
  const dots: Rect[] = heads.map((h) => ({
    left: h.x - dotRadius,
    right: h.x + dotRadius,
    top: h.y - dotRadius,
    bottom: h.y + dotRadius,
  }));
  const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const out = new Array<PlacedLabel>(heads.length);
  const order = heads.map((_, i) => i).sort((a, b) => heads[a]!.y - heads[b]!.y);
  for (const i of order) {
    const h = heads[i] as HeadLabel;
    let best: { label: PlacedLabel; clashes: number } | null = null;
    for (let step = 0; step <= 2 * maxSteps && best?.clashes !== 0; step++) {
      const shift = Math.ceil(step / 2) * lineHeight * (step % 2 === 1 ? 1 : -1);
      for (const side of ['start', 'end'] as const) {
        const y = h.y - 4 + shift;
        const left = side === 'start' ? h.x + gap : h.x - gap - h.width;
        const rect = { left, right: left + h.width, top: y - lineHeight + 3, bottom: y + 3 };
        const outside = rect.left < 0 || rect.right > box.width || rect.top < 0 || rect.bottom > box.height;
        const clashes =
          (outside ? 100 : 0) +
          placed.filter((p) => overlaps(p, rect)).length +
          dots.filter((d, k) => k !== i && overlaps(d, rect)).length;
        const label = { x: side === 'start' ? h.x + gap : h.x - gap, y, anchor: side };
        if (best === null || clashes < best.clashes) best = { label, clashes };
        if (clashes === 0) break;
      }
    }
    const chosen = (best as { label: PlacedLabel }).label;
    const left = chosen.anchor === 'start' ? chosen.x : chosen.x - h.width;
    placed.push({ left, right: left + h.width, top: chosen.y - lineHeight + 3, bottom: chosen.y + 3 });
    out[i] = chosen;
  }
  return out;
}
