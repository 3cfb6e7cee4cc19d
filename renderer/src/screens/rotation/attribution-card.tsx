import { useState } from 'react';
import type { AttributionOutput } from '../../../../shared/api/attribution-schemas';
import { useAttribution } from '../../api/attribution-hooks';
import { ErrorNote } from '../../components/error-note';
import { formatDay, signClass } from '../../format/format';
import { RiskFigures } from './risk-figures';

// Two decimals, as `tiltfolio attribution` prints them: the card and the CLI show the same figures.
const signed = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});
const plain = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pctSigned = (x: number) => `${signed.format(x)} %`;
const pctPlain = (x: number) => `${plain.format(x)} %`;

function Effect({ value }: { value: number }) {
  return <td className={`num ${signClass(value)}`}>{pctSigned(value)}</td>;
}

function AttributionTable({ data }: { data: AttributionOutput }) {
  const total = (key: 'allocation_pct' | 'selection_pct' | 'interaction_pct') =>
    Math.round(data.sleeves.reduce((sum, s) => sum + s[key] * 100, 0)) / 100;
  return (
    <table className="data-table compact-table" data-testid="attribution-table">
      <caption className="visually-hidden">Attribution by sleeve</caption>
      <thead>
        <tr>
          <th scope="col">Sleeve</th>
          <th scope="col">Index</th>
          <th scope="col" className="num">
            Your weight
          </th>
          <th scope="col" className="num">
            Benchmark
          </th>
          <th scope="col" className="num" title="(your weight − benchmark weight) × (index return − benchmark return)">
            Allocation
          </th>
          <th scope="col" className="num" title="benchmark weight × (your sleeve’s return − its index’s return)">
            Selection
          </th>
          <th
            scope="col"
            className="num"
            title="(your weight − benchmark weight) × (your sleeve’s return − its index’s)"
          >
            Interaction
          </th>
        </tr>
      </thead>
      <tbody>
        {data.sleeves.map((s) => (
          <tr key={s.sleeve}>
            <th scope="row">{s.label}</th>
            <td>{s.index}</td>
            <td className="num">{pctPlain(s.portfolio_weight_pct)}</td>
            <td className="num">{pctPlain(s.benchmark_weight_pct)}</td>
            <Effect value={s.allocation_pct} />
            <Effect value={s.selection_pct} />
            <Effect value={s.interaction_pct} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            Sum: active return {pctSigned(data.active_pct)}
          </th>
          <Effect value={total('allocation_pct')} />
          <Effect value={total('selection_pct')} />
          <Effect value={total('interaction_pct')} />
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * "Did my tilt pay?": Brinson–Fachler by sleeve against the blended benchmark, and risk, over a
 * window. `from`/`to` come from the screen's window when there is one; the card's own inputs
 * otherwise (empty: the last three months).
 */
export function AttributionCard({ from: fromProp, to: toProp }: { from?: string; to?: string }) {
  const [own, setOwn] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const from = fromProp ?? (own.from || undefined);
  const to = toProp ?? (own.to || undefined);
  const attribution = useAttribution({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const data = attribution.data;
  return (
    <section className="card" aria-labelledby="attribution-title" data-testid="attribution-card">
      <div className="card-head">
        <h2 id="attribution-title">Did my tilt pay?</h2>
        <p className="muted small">
          Your holdings against the blend of each sleeve’s index at the benchmark weights (Settings), Brinson–Fachler.
        </p>
      </div>
      {fromProp === undefined && (
        <div className="filters">
          <div className="field">
            <label htmlFor="attr-from">From</label>
            <input
              id="attr-from"
              type="date"
              value={own.from}
              onChange={(e) => setOwn((w) => ({ ...w, from: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor="attr-to">To</label>
            <input
              id="attr-to"
              type="date"
              value={own.to}
              onChange={(e) => setOwn((w) => ({ ...w, to: e.target.value }))}
            />
          </div>
        </div>
      )}
      {attribution.isError && <ErrorNote what="attribute the return" error={attribution.error} />}
      {data && !attribution.isError && (
        <>
          <p data-testid="attribution-summary">
            {formatDay(data.from)} – {formatDay(data.to)}: your holdings{' '}
            <strong className={signClass(data.portfolio_pct)}>{pctSigned(data.portfolio_pct)}</strong>, blended
            benchmark <strong className={signClass(data.benchmark_pct)}>{pctSigned(data.benchmark_pct)}</strong>, active{' '}
            <strong className={signClass(data.active_pct)}>{pctSigned(data.active_pct)}</strong>
            {data.target_blend_pct !== null && (
              <span className="muted"> (your target blend of the indexes: {pctSigned(data.target_blend_pct)})</span>
            )}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Attribution by sleeve, scrollable">
            <AttributionTable data={data} />
          </div>
          {data.risk && <RiskFigures risk={data.risk} />}
        </>
      )}
    </section>
  );
}
