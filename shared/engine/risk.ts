// Risk of a daily return series against a benchmark's over the same days (docs/engine.md,
// "Risk against the benchmark"). Returns are fractions; annualised with 252 trading days.
export const TRADING_DAYS = 252;

export interface RiskFigures {
  days: number;
  /** Annualised: sample standard deviation of daily returns × √252. */
  volatility: number;
  /** Deepest fall of the growth index from a prior peak (≤ 0), the window's start counting as a peak. */
  maxDrawdown: number;
  /** (mean daily return − daily risk-free) / daily deviation × √252; null with no variation. */
  sharpe: number | null;
  /** Cov(r_p, r_b) / Var(r_b); null when the benchmark does not move. */
  beta: number | null;
  /** Jensen's alpha, annualised: 252 × (mean excess return − β × mean benchmark excess return). */
  alpha: number | null;
  /** Annualised deviation of the daily active return r_p − r_b. */
  trackingError: number;
  /** Annualised mean active return / tracking error; null when the tracking error is 0. */
  informationRatio: number | null;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample covariance (n − 1), two-pass for accuracy. */
function covariance(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
  return sum / (xs.length - 1);
}

/**
 * `riskFreeRate` is annual (0.02 = 2 %), taken as riskFreeRate / 252 a day. Needs two days or
 * more: one return has no deviation.
 */
export function riskFigures(
  portfolio: readonly number[],
  benchmark: readonly number[],
  riskFreeRate = 0,
): RiskFigures | null {
  const n = portfolio.length;
  if (n !== benchmark.length) throw new Error('riskFigures: the two series must cover the same days.');
  if (n < 2) return null;
  const rf = riskFreeRate / TRADING_DAYS;
  const root = Math.sqrt(TRADING_DAYS);
  const sd = Math.sqrt(covariance(portfolio, portfolio));
  const varB = covariance(benchmark, benchmark);
  const active = portfolio.map((r, i) => r - (benchmark[i] as number));
  const te = Math.sqrt(covariance(active, active));
  const beta = varB > 0 ? covariance(portfolio, benchmark) / varB : null;
  let level = 1;
  let peak = 1;
  let maxDrawdown = 0;
  for (const r of portfolio) {
    level *= 1 + r;
    peak = Math.max(peak, level);
    maxDrawdown = Math.min(maxDrawdown, level / peak - 1);
  }
  return {
    days: n,
    volatility: sd * root,
    maxDrawdown,
    sharpe: sd > 0 ? ((mean(portfolio) - rf) / sd) * root : null,
    beta,
    alpha: beta === null ? null : (mean(portfolio) - rf - beta * (mean(benchmark) - rf)) * TRADING_DAYS,
    trackingError: te * root,
    informationRatio: te > 0 ? (mean(active) * TRADING_DAYS) / (te * root) : null,
  };
}
