// Attribution as the card, the CLI and `--json` print it: percentages in hundredths, rounded so
// that what is printed adds up (docs/engine.md, "Attribution").
import { SLEEVE_LABELS, type Sleeve } from '../domain/sleeve';
import type { AttributionResult } from '../engine/attribution';

export interface SleeveAttributionRow {
  sleeve: Sleeve;
  label: string;
  /** The sleeve's reference index. */
  index: string;
  portfolio_weight_pct: number;
  benchmark_weight_pct: number;
  allocation_pct: number;
  selection_pct: number;
  interaction_pct: number;
}

export interface AttributionView {
  from: string;
  to: string;
  portfolio_pct: number;
  benchmark_pct: number;
  active_pct: number;
  sleeves: SleeveAttributionRow[];
}

const hundredths = (fraction: number) => Math.round(fraction * 10000);

/**
 * Rounds `values` (in hundredths of a percent) to whole hundredths that sum to `total`: each is
 * rounded, then the shortfall goes one hundredth at a time to those rounding moved furthest
 * (largest remainder), so printed effects add up to the printed active return to the cent.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  // `|| 0`: no -0 in what is printed.
  const rounded = values.map((v) => Math.round(v) || 0);
  let gap = total - rounded.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => ({ i, error: v - (rounded[i] as number) }));
  const step = Math.sign(gap);
  // Positive gap: raise those rounded down most; negative: lower those rounded up most.
  order.sort((a, b) => step * (b.error - a.error));
  for (let k = 0; gap !== 0; k = (k + 1) % order.length) {
    const i = (order[k] as { i: number }).i;
    rounded[i] = (rounded[i] as number) + step;
    gap -= step;
  }
  return rounded;
}

export function attributionView(result: AttributionResult, indexOf: (sleeve: Sleeve) => string): AttributionView {
  const portfolio = hundredths(result.portfolioReturn);
  const benchmark = hundredths(result.benchmarkReturn);
  const active = portfolio - benchmark;
  const raw = result.sleeves.flatMap((s) => [s.allocation, s.selection, s.interaction].map((x) => x * 10000));
  const effects = roundToTotal(raw, active);
  const pct = (h: number) => h / 100 || 0;
  return {
    from: result.from,
    to: result.to,
    portfolio_pct: pct(portfolio),
    benchmark_pct: pct(benchmark),
    active_pct: pct(active),
    sleeves: result.sleeves.map((s, i) => ({
      sleeve: s.sleeve,
      label: SLEEVE_LABELS[s.sleeve],
      index: indexOf(s.sleeve),
      portfolio_weight_pct: pct(hundredths(s.portfolioWeight)),
      benchmark_weight_pct: pct(hundredths(s.benchmarkWeight)),
      allocation_pct: pct(effects[3 * i] as number),
      selection_pct: pct(effects[3 * i + 1] as number),
      interaction_pct: pct(effects[3 * i + 2] as number),
    })),
  };
}
