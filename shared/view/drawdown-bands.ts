// Turns the engine's drawdown series into the spans a chart shades: each fall from a peak deep
// enough to matter, from the peak to the recovery (or to the last day while still under water).

export interface Point {
  time: string;
  value: number;
}

export interface DrawdownEpisode {
  /** The peak's day: the last day at zero before the fall. */
  start: string;
  trough: string;
  /** The first day back at the peak; null while still under water. */
  end: string | null;
  /** Percent, negative. */
  depthPct: number;
}

/** Episodes whose deepest point is at least `minDepthPct` (a positive number) below the peak. */
export function drawdownEpisodes(drawdown: readonly Point[], minDepthPct: number): DrawdownEpisode[] {
  const episodes: DrawdownEpisode[] = [];
  let open: DrawdownEpisode | null = null;
  let peak: string | null = null;
  for (const point of drawdown) {
    if (point.value >= 0) {
      if (open) {
        open.end = point.time;
        if (-open.depthPct >= minDepthPct) episodes.push(open);
        open = null;
      }
      peak = point.time;
      continue;
    }
    if (!open) open = { start: peak ?? point.time, trough: point.time, end: null, depthPct: point.value };
    if (point.value < open.depthPct) {
      open.depthPct = point.value;
      open.trough = point.time;
    }
  }
  if (open && -open.depthPct >= minDepthPct) episodes.push(open);
  return episodes;
}

/**
 * A step series over `times`: 1 inside an episode (peak to recovery), 0 elsewhere. Drawn as a
 * filled area on its own hidden scale, it shades those spans behind the price.
 */
export function episodeBand(times: readonly string[], episodes: readonly DrawdownEpisode[]): Point[] {
  let e = 0;
  return times.map((time) => {
    while (e < episodes.length && (episodes[e] as DrawdownEpisode).end !== null && time > (episodes[e]!.end as string))
      e++;
    const episode = episodes[e];
    const inside = episode !== undefined && time >= episode.start && (episode.end === null || time <= episode.end);
    return { time, value: inside ? 1 : 0 };
  });
}

/**
 * New highs come in runs while a price climbs; a chart marks the first high after at least
 * `minGap` trading days without one (a breakout after a pause), and the latest high.
 */
export function breakoutHighs(times: readonly string[], highs: readonly string[], minGap: number): string[] {
  const index = new Map(times.map((t, i) => [t, i]));
  const kept: string[] = [];
  let previous = -Infinity;
  highs.forEach((day, i) => {
    const at = index.get(day);
    if (at === undefined) return;
    if (at - previous >= minGap || i === highs.length - 1) kept.push(day);
    previous = at;
  });
  return kept;
}
