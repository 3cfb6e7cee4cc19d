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

export interface LabelBox {
  x: number;
  y: number;
  width: number;
}

/**
 * Baselines for labels drawn right of their dots, nudged down (then up) in steps of
 * `lineHeight` until no two overlap: close dots keep readable names. Same order as given.
 */
export function placeLabels(labels: readonly LabelBox[], lineHeight = 14): number[] {
  const placed: LabelBox[] = [];
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.y - labels[b]!.y);
  const out = new Array<number>(labels.length);
  const clashes = (box: LabelBox) =>
    placed.some((p) => Math.abs(p.y - box.y) < lineHeight && box.x < p.x + p.width && p.x < box.x + box.width);
  for (const i of order) {
    const label = labels[i] as LabelBox;
    let box = label;
    for (let step = 1; clashes(box) && step < 40; step++) {
      const shift = Math.ceil(step / 2) * lineHeight * (step % 2 === 1 ? 1 : -1);
      box = { ...label, y: label.y + shift };
    }
    placed.push(box);
    out[i] = box.y;
  }
  return out;
}
