import type { AttributionOutput } from '../api/attribution-schemas';
import type { RiskFigures } from '../engine/risk';

const pct = (fraction: number) => fraction * 100;

/** The risk figures as the API prints them: fractions as percents, ratios as they are. */
export function riskView(r: RiskFigures, riskFreeRate: number): NonNullable<AttributionOutput['risk']> {
  return {
    days: r.days,
    volatility_pct: pct(r.volatility),
    max_drawdown_pct: pct(r.maxDrawdown),
    sharpe: r.sharpe,
    beta: r.beta,
    alpha_pct: r.alpha === null ? null : pct(r.alpha),
    tracking_error_pct: pct(r.trackingError),
    information_ratio: r.informationRatio,
    risk_free_rate_pct: pct(riskFreeRate),
  };
}
