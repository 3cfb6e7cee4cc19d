import type { Bar } from '../domain/bar';
import { sma } from './moving-average';

export interface ExtensionOptions {
  /** Moving-average length in trading days. */
  period?: number;
  /** How far from the average, percent, counts as extended. */
  thresholdPct?: number;
}

export interface Extension {
  day: string;
  close: number;
  average: number;
  /** Percent above (positive) or below the average. */
  distancePct: number;
  /** 'above' or 'below' once the distance reaches the threshold either way; else null. */
  extended: 'above' | 'below' | null;
}

export const DEFAULT_EXTENSION = { period: 50, thresholdPct: 10 } as const;

/** Distance from the moving average for every bar once the average exists. */
export function extensionSeries(bars: readonly Bar[], options: ExtensionOptions = {}): Extension[] {
  const period = options.period ?? DEFAULT_EXTENSION.period;
  const threshold = options.thresholdPct ?? DEFAULT_EXTENSION.thresholdPct;
  const averages = sma(
    bars.map((bar) => bar.close),
    period,
  );
  const out: Extension[] = [];
  for (let i = period - 1; i < bars.length; i++) {
    const bar = bars[i] as Bar;
    const average = averages[i] as number;
    const distancePct = (bar.close / average - 1) * 100;
    const extended = distancePct >= threshold ? 'above' : distancePct <= -threshold ? 'below' : null;
    out.push({ day: bar.day, close: bar.close, average, distancePct, extended });
  }
  return out;
}
