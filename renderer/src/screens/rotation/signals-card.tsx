import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import { useSignals } from '../../api/attribution-hooks';
import { ErrorNote } from '../../components/error-note';
import { formatDay } from '../../format/format';

type Kind = CallOutput<'portfolio:signals'>['signals'][number]['kind'];

const KIND_LABELS: Record<Kind, string> = {
  rs_up: 'Started to lead',
  rs_down: 'Started to lag',
  quadrant: 'Quadrant',
  high_52w: '52-week high',
  low_52w: '52-week low',
  drift: 'Drift',
  overheated: 'Overheated',
};

/**
 * What changed, dated, from the quote cache (docs/engine.md, "Signals"). `from`/`to` come from the
 * screen's window when there is one; the card's own inputs otherwise (empty: the last 30 days).
 */
export function SignalsCard({ from: fromProp, to: toProp }: { from?: string; to?: string }) {
  const [own, setOwn] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const from = fromProp ?? (own.from || undefined);
  const to = toProp ?? (own.to || undefined);
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const result = useSignals({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const data = result.data;
  const shown = data ? data.signals.filter((s) => kind === 'all' || s.kind === kind) : [];
  return (
    <section className="card" aria-labelledby="signals-title" data-testid="signals-card">
      <div className="card-head">
        <h2 id="signals-title">Signals</h2>
        <p className="muted small">
          {data
            ? `${formatDay(data.from)} – ${formatDay(data.to)}, against ${data.benchmark}: ${data.signals.length} signal${data.signals.length === 1 ? '' : 's'}`
            : 'What changed, dated'}
        </p>
      </div>
      <div className="filters">
        {fromProp === undefined && (
          <>
            <div className="field">
              <label htmlFor="sig-from">From</label>
              <input
                id="sig-from"
                type="date"
                value={own.from}
                onChange={(e) => setOwn((w) => ({ ...w, from: e.target.value }))}
              />
            </div>
            <div className="field">
              <label htmlFor="sig-to">To</label>
              <input
                id="sig-to"
                type="date"
                value={own.to}
                onChange={(e) => setOwn((w) => ({ ...w, to: e.target.value }))}
              />
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor="sig-kind">Show</label>
          <select id="sig-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind | 'all')}>
            <option value="all">Every kind</option>
            {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {result.isError && <ErrorNote what="list the signals" error={result.error} />}
      {data && !result.isError && shown.length === 0 && <p className="muted">Nothing changed in this window.</p>}
      {shown.length > 0 && (
        <div className="table-scroll short" tabIndex={0} role="region" aria-label="Signals, scrollable">
          <table className="data-table compact-table" data-testid="signals-table">
            <caption className="visually-hidden">Signals</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s, i) => (
                <tr key={`${s.date}-${s.kind}-${s.subject}-${i}`}>
                  <td>{formatDay(s.date)}</td>
                  <td>{KIND_LABELS[s.kind]}</td>
                  <td className="signal-message">{s.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
