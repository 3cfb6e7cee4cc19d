import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import { useSignals } from '../../api/attribution-hooks';
import { ErrorNote } from '../../components/error-note';
import { formatDay } from '../../format/format';
import { plural } from '../../../../shared/domain/plural';

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

type Signal = CallOutput<'portfolio:signals'>['signals'][number];

function newestFirst(signals: Signal[]): Signal[] {
  const days: Signal[][] = [];
  for (const s of signals) {
    const last = days.at(-1);
    if (last && last[0]!.date === s.date) last.push(s);
    else days.push([s]);
  }
  return days.reverse().flat();
}

/** Signals asked for at a time. */
const SIGNALS_PAGE = 200;

/**
 * What changed, dated, from the quote cache (docs/engine.md, "Signals"). `from`/`to` come from the
 * screen's window when there is one; the card's own inputs otherwise (empty: the last 30 days).
 */
export function SignalsCard({ from: fromProp, to: toProp }: { from?: string; to?: string }) {
  const [own, setOwn] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const from = fromProp ?? (own.from || undefined);
  const to = toProp ?? (own.to || undefined);
  const [kind, setKind] = useState<Kind | 'all'>('all');
  // The newest first page; years of a large portfolio's signals are tens of thousands, which the
  // backend filters and cuts rather than sending them all for this table to hold.
  const [limit, setLimit] = useState(SIGNALS_PAGE);
  const result = useSignals({
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(kind === 'all' ? {} : { kind }),
    limit,
  });
  const data = result.data;
  // Newest first, as the backend cuts them: the button below the table then adds older ones
  // where it stands. Within a day, the backend's order (by kind, then subject) is kept.
  const shown = data ? newestFirst(data.signals.filter((s) => kind === 'all' || s.kind === kind)) : [];
  const more = data ? data.total - data.signals.length : 0;
  return (
    <section className="card" aria-labelledby="signals-title" data-testid="signals-card">
      <div className="card-head">
        <h2 id="signals-title">Signals</h2>
        <p className="muted small">
          {data
            ? `${formatDay(data.from)} – ${formatDay(data.to)}, against ${data.benchmark}: ${plural(data.total, 'signal')}${more > 0 ? `, the newest ${data.signals.length.toLocaleString()} shown` : ''}`
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
          <select
            id="sig-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind | 'all');
              setLimit(SIGNALS_PAGE);
            }}
          >
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
      {more > 0 && (
        <button type="button" className="secondary small" onClick={() => setLimit((n) => n + SIGNALS_PAGE)}>
          {Math.min(more, SIGNALS_PAGE).toLocaleString()} older signals
        </button>
      )}
    </section>
  );
}
