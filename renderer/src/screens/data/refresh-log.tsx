import { useState } from 'react';
import { useRefreshLog } from '../../api/quote-hooks';
import { ErrorNote } from '../../components/error-note';
import { formatDateTime } from '../../format/format';

const OUTCOME_LABELS = { ok: 'Updated', error: 'Failed', cancelled: 'Cancelled' } as const;
// Enough for a few jobs over a typical portfolio; the backend keeps more.
const ROWS = 100;

/** The refresh log, newest first: one row per symbol and job, with the provider's message. */
function RefreshLogTable() {
  const log = useRefreshLog(ROWS);
  if (log.isError) return <ErrorNote what="read the refresh log" error={log.error} />;
  if (!log.data) return <p className="muted">Loading the refresh log…</p>;
  if (log.data.length === 0) return <p className="muted">No refresh has run yet.</p>;
  return (
    <div className="table-scroll short" tabIndex={0} role="region" aria-label="Refresh log, scrollable">
      <table className="data-table compact-table" data-testid="refresh-log">
        <thead>
          <tr>
            <th scope="col">Finished</th>
            <th scope="col">Symbol</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Bars
            </th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {log.data.map((entry) => (
            <tr key={entry.id} className={`log-${entry.outcome}`}>
              <td>{formatDateTime(entry.finishedAt)}</td>
              <th scope="row">{entry.symbol}</th>
              <td>{OUTCOME_LABELS[entry.outcome]}</td>
              <td className="num">{entry.barsWritten.toLocaleString()}</td>
              <td>{entry.message || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Closed by default; read only once opened, so the screen does not fetch what nobody looks at. */
export function RefreshLog() {
  const [open, setOpen] = useState(false);
  return (
    <details className="refresh-log" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Refresh log</summary>
      {open && <RefreshLogTable />}
    </details>
  );
}
