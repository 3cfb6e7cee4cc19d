import { SLEEVES, type Sleeve, type SleeveWeights } from './domain/sleeve';
import { Decimal } from './decimal';
import { sleeveOf as defaultSleeveOf } from './sleeves';

/**
 * Default benchmark sleeve weights for the S&P 500, approximating its make-up in the late
 * 2010s: the large tech names and the tech sector about a quarter, financials about 13 %, no
 * small caps by construction. The user edits these; they are a starting point, not data.
 */
export const SP500_SLEEVE_WEIGHTS: SleeveWeights = {
  large_cap_tech: 0.25,
  financials: 0.13,
  small_caps: 0,
  other: 0.62,
};

export interface HoldingValue {
  symbol: string;
  /** Market value in the base currency. */
  value: number;
  /** Last close in the base currency, to express trades in shares. */
  price?: number;
}

export interface SleeveTilt {
  sleeve: Sleeve;
  value: number;
  /** Fractions of one. */
  weight: number;
  benchmarkWeight: number;
  /** Active weight: portfolio minus benchmark (positive = overweight). */
  activeVsBenchmark: number;
  targetWeight: number | null;
  activeVsTarget: number | null;
}

export interface Tilt {
  total: number;
  sleeves: SleeveTilt[];
}

export class WeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsError';
  }
}

/** Weights must be non-negative and sum to one (to within a millionth, for hand-typed percentages). */
export function validateWeights(weights: SleeveWeights, label: string): void {
  let sum = 0;
  for (const sleeve of SLEEVES) {
    const w = weights[sleeve];
    if (!Number.isFinite(w) || w < 0)
      throw new WeightsError(`${label}: the weight for ${sleeve} must be a number of at least 0 (got ${w}).`);
    sum += w;
  }
  if (Math.abs(sum - 1) > 1e-6)
    throw new WeightsError(`${label}: the weights add up to ${(sum * 100).toFixed(4)} %, not 100 %.`);
}

export interface TiltInput {
  holdings: readonly HoldingValue[];
  benchmark?: SleeveWeights;
  target?: SleeveWeights;
  sleeveOf?: (symbol: string) => Sleeve;
}

/** Each sleeve's share of the invested portfolio (cash excluded), against benchmark and target. */
export function computeTilt(input: TiltInput): Tilt {
  const benchmark = input.benchmark ?? SP500_SLEEVE_WEIGHTS;
  validateWeights(benchmark, 'Benchmark weights');
  if (input.target !== undefined) validateWeights(input.target, 'Target weights');
  const classify = input.sleeveOf ?? defaultSleeveOf;
  const values = new Map<Sleeve, number>(SLEEVES.map((s) => [s, 0]));
  let total = 0;
  for (const h of input.holdings) {
    const sleeve = classify(h.symbol);
    values.set(sleeve, (values.get(sleeve) ?? 0) + h.value);
    total += h.value;
  }
  return {
    total,
    sleeves: SLEEVES.map((sleeve) => {
      const value = values.get(sleeve) ?? 0;
      const weight = total > 0 ? value / total : 0;
      const targetWeight = input.target?.[sleeve] ?? null;
      return {
        sleeve,
        value,
        weight,
        benchmarkWeight: benchmark[sleeve],
        activeVsBenchmark: weight - benchmark[sleeve],
        targetWeight,
        activeVsTarget: targetWeight === null ? null : weight - targetWeight,
      };
    }),
  };
}

export interface RebalanceTrade {
  sleeve: Sleeve;
  /** Null when the sleeve holds nothing yet: the user picks what to buy. */
  symbol: string | null;
  /** Exact cents, positive to buy, negative to sell. */
  amount: Decimal;
  /** Approximate shares at the last close (float), when a price is known. */
  quantity: number | null;
}

export interface Rebalance {
  trades: RebalanceTrade[];
  /** Sum of the trades: exactly the cash put in (zero by default). */
  net: Decimal;
}

export interface RebalanceInput {
  holdings: readonly HoldingValue[];
  target: SleeveWeights;
  /** New money to invest as part of the rebalance (default none: trades net to zero). */
  cashToInvest?: number;
  sleeveOf?: (symbol: string) => Sleeve;
}

/**
 * Trades that bring each sleeve to its target weight, split across the sleeve's holdings in
 * proportion to their value. Worked in exact cents: every split hands its rounding remainder to
 * its last part, so the trades sum to exactly `cashToInvest`.
 */
export function rebalanceTrades(input: RebalanceInput): Rebalance {
  validateWeights(input.target, 'Target weights');
  const classify = input.sleeveOf ?? defaultSleeveOf;
  const cents = (x: number) => Decimal.fromNumber(x).round(2);
  const invest = cents(input.cashToInvest ?? 0);
  const bySleeve = new Map<Sleeve, { holding: HoldingValue; value: Decimal }[]>(SLEEVES.map((s) => [s, []]));
  let total = invest;
  for (const holding of input.holdings) {
    const value = cents(holding.value);
    bySleeve.get(classify(holding.symbol))?.push({ holding, value });
    total = total.add(value);
  }

  const targets = new Map<Sleeve, Decimal>();
  let assigned = Decimal.ZERO;
  let largest: Sleeve = SLEEVES[0];
  for (const sleeve of SLEEVES) {
    const value = total.mul(Decimal.fromNumber(input.target[sleeve])).round(2);
    targets.set(sleeve, value);
    assigned = assigned.add(value);
    if (value.gt(targets.get(largest) ?? Decimal.ZERO)) largest = sleeve;
  }
  targets.set(largest, (targets.get(largest) ?? Decimal.ZERO).add(total.sub(assigned)));

  const trades: RebalanceTrade[] = [];
  for (const sleeve of SLEEVES) {
    const members = bySleeve.get(sleeve) ?? [];
    const current = Decimal.sum(members.map((m) => m.value));
    const change = (targets.get(sleeve) ?? Decimal.ZERO).sub(current);
    if (change.isZero()) continue;
    if (members.length === 0 || current.isZero()) {
      trades.push({ sleeve, symbol: null, amount: change, quantity: null });
      continue;
    }
    let left = change;
    members.forEach((m, i) => {
      const amount = i === members.length - 1 ? left : change.mulDiv(m.value, current).round(2);
      left = left.sub(amount);
      if (amount.isZero()) return;
      const price = m.holding.price;
      trades.push({
        sleeve,
        symbol: m.holding.symbol,
        amount,
        quantity: price !== undefined && price > 0 ? amount.toNumber() / price : null,
      });
    });
  }
  return { trades, net: Decimal.sum(trades.map((t) => t.amount)) };
}
