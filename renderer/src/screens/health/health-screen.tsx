import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import { useHealth } from '../../api/health-hooks';
import { ErrorNote } from '../../components/error-note';
import { Screen } from '../../components/screen';
import { SymbolLink } from '../../components/symbol-link';
import { formatDay } from '../../format/format';
import './health.css';

type Report = CallOutput<'health:check'>;
type Problem = Report['problems'][number];

/** Rows shown per kind before "Show all": a long list stays one click away, not on the page. */
export const ROWS_SHOWN = 20;

function ProblemTable({ problems }: { problems: Problem[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, ROWS_SHOWN);
  return (
    <>
      <ul className="health-rows">
        {shown.map((p, i) => (
          <li key={i} className="health-row">
            <p className="health-what">
              {p.symbol && (
                <strong>
                  <SymbolLink symbol={p.symbol} className="" />
                </strong>
              )}
              {p.accounts.length > 0 && <span className="muted small"> · {p.accounts.join(', ')}</span>}
              {p.day && <span className="muted small"> · {formatDay(p.day)}</span>}
            </p>
            <p>{p.detail}</p>
            <p className="small">
              <span className="health-label">Affects:</span> {p.affects}
            </p>
            <p className="small">
              <span className="health-label">Fix:</span> {p.fix}
            </p>
          </li>
        ))}
      </ul>
      {problems.length > shown.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {problems.length.toLocaleString()}
        </button>
      )}
    </>
  );
}

/**
 * The Data health screen: one line per kind of problem with its count, each opening onto its
 * rows (what is wrong, what it affects, how to fix it). Nothing to fix says so.
 */
export function HealthScreen() {
  const health = useHealth();
  const report = health.data;
  return (
    <Screen title="Data health" className="health">
      {health.isPending && (
        <section className="card" aria-busy="true">
          Checking your prices and trades…
        </section>
      )}
      {health.isError && (
        <section className="card">
          <ErrorNote what="check the data" error={health.error} />
        </section>
      )}
      {report && report.problems.length === 0 && (
        <section className="card">
          <h2>No problems found</h2>
          <p className="muted">
            Every holding has prices, none has stopped while the others went on, no series has gaps of more than five
            trading days or mixes two split scales, every trade is priced within reach of its day’s range, and the
            benchmark reaches the portfolio’s last day.
          </p>
        </section>
      )}
      {report && report.problems.length > 0 && (
        <section className="card" aria-labelledby="health-found">
          <h2 id="health-found">
            {report.problems.length.toLocaleString()} problem{report.problems.length === 1 ? '' : 's'} found
          </h2>
          <p className="muted small">Checked on {formatDay(report.today)}. Each line opens onto its list.</p>
          {report.summary.map((line) => (
            <details key={line.kind} className="health-kind" open={report.summary.length === 1 && line.count <= 5}>
              <summary>{line.text}</summary>
              <ProblemTable problems={report.problems.filter((p) => p.kind === line.kind)} />
            </details>
          ))}
        </section>
      )}
    </Screen>
  );
}
