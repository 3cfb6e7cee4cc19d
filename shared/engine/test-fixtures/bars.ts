import type { Bar } from '../../domain/bar';

/** Consecutive weekdays from `start` with the given closes. */
export function weekdayBars(start: string, closes: readonly number[]): Bar[] {
  const bars: Bar[] = [];
  let t = Date.parse(`${start}T00:00:00Z`);
  for (const close of closes) {
    while ([0, 6].includes(new Date(t).getUTCDay())) t += 86_400_000;
    bars.push({ day: new Date(t).toISOString().slice(0, 10), close });
    t += 86_400_000;
  }
  return bars;
}
