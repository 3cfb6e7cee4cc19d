/** A point of a line chart: its day and value. */
export interface LinePoint {
  time: string;
  value: number;
}

/**
 * At most `max` points of a line for a chart narrower than its days (an overview strip of twelve
 * years is a few hundred pixels wide): the days are cut into max / 2 runs and each run keeps its
 * lowest and highest point, in day order, so every peak and trough the line had is still drawn.
 * The first and last points are always kept.
 */
export function decimateLine(points: readonly LinePoint[], max: number): LinePoint[] {
  if (max < 4) throw new Error(`decimateLine keeps at least 4 points, not ${max}`);
  if (points.length <= max) return [...points];
  const runs = Math.floor((max - 2) / 2);
  const inner = points.length - 2;
  const out: LinePoint[] = [points[0]!];
  for (let r = 0; r < runs; r++) {
    const start = 1 + Math.floor((r * inner) / runs);
    const end = 1 + Math.floor(((r + 1) * inner) / runs);
    if (start >= end) continue;
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i]!.value < points[low]!.value) low = i;
      if (points[i]!.value > points[high]!.value) high = i;
    }
    if (low === high) out.push(points[low]!);
    else out.push(points[Math.min(low, high)]!, points[Math.max(low, high)]!);
  }
  out.push(points[points.length - 1]!);
  return out;
}
