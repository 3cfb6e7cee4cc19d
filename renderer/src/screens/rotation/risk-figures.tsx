import type { AttributionOutput } from '../../../../shared/api/attribution-schemas';

const two = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number | null) => (x === null ? '—' : `${two.format(x)} %`);
const ratio = (x: number | null) => (x === null ? '—' : two.format(x));

/** Risk of the holdings against the blended benchmark over the card's window (docs/engine.md). */
export function RiskFigures({ risk }: { risk: NonNullable<AttributionOutput['risk']> }) {
  const rows: [string, string, string][] = [
    ['Volatility', pct(risk.volatility_pct), 'Annualised: daily deviation × √252'],
    ['Max drawdown', pct(risk.max_drawdown_pct), 'Deepest fall from a peak inside the window'],
    ['Sharpe', ratio(risk.sharpe), `Over a risk-free rate of ${two.format(risk.risk_free_rate_pct)} % (Settings)`],
    ['Beta', ratio(risk.beta), 'How far you moved with the benchmark'],
    ['Alpha', pct(risk.alpha_pct), 'Jensen’s alpha, a year'],
    ['Tracking error', pct(risk.tracking_error_pct), 'Annualised deviation of your return from the benchmark’s'],
    ['Information ratio', ratio(risk.information_ratio), 'Active return a year over tracking error'],
  ];
  return (
    <>
      <h3 className="small">Risk against the blended benchmark, {risk.days} trading days</h3>
      <dl className="risk-figures" data-testid="risk-figures">
        {rows.map(([label, value, help]) => (
          <div key={label} title={help}>
            <dt className="muted small">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
