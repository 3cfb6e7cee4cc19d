import { useQuoteList } from '../../api/quote-hooks';
import { useRefreshJob } from '../../api/refresh-job';
import { useConnection } from '../../app/connection-status';
import { ErrorNote } from '../../components/error-note';
import { Notice } from '../../components/notice';
import { FreshnessTable } from './freshness-table';
import { countWord } from '../../../../shared/domain/plural';
import { RefreshLog } from './refresh-log';

const count = new Intl.NumberFormat();

/** Refresh every symbol or one, watch each symbol's progress, cancel; and how fresh each one is. */
export function RefreshPanel() {
  const quotes = useQuoteList();
  const job = useRefreshJob();
  const connection = useConnection();
  const overall = job.progress.job;
  const total = overall?.symbolsTotal ?? job.started?.symbolsTotal ?? 0;
  const done = overall?.symbolsDone ?? 0;

  return (
    <section className="card" aria-labelledby="prices-title">
      <div className="card-head">
        <h2 id="prices-title">Prices</h2>
        <div className="screen-actions">
          {job.running ? (
            <button type="button" className="secondary" onClick={job.cancel}>
              Cancel refresh
            </button>
          ) : (
            <button type="button" onClick={() => job.start()}>
              Refresh all prices
            </button>
          )}
        </div>
      </div>
      {connection !== 'online' && (
        <p className="muted small">
          {connection === 'no-network'
            ? 'This computer is offline. Everything keeps working from the cached prices; refresh when you are back online.'
            : 'Refresh is off (offline mode or no provider, under Settings). Everything keeps working from the cached prices and files you import.'}
        </p>
      )}
      {job.running && (
        <div className="overall-progress" data-testid="refresh-progress">
          <progress max={Math.max(total, 1)} value={done} aria-label="Quote refresh, overall" />
          <span aria-live="polite">
            {count.format(done)} of {count.format(total)} {countWord(total, 'symbol')}
          </span>
        </div>
      )}
      {!job.running && job.outcome && <Notice tone={job.outcome.tone}>{job.outcome.text}</Notice>}
      {quotes.isError && <ErrorNote what="list the cached prices" error={quotes.error} />}
      {quotes.data && quotes.data.length === 0 && (
        <p className="muted">
          No prices cached yet. Refresh to fetch your instruments’ history, or import a CSV of daily closes below.
        </p>
      )}
      {quotes.data && quotes.data.length > 0 && (
        <FreshnessTable
          series={quotes.data}
          progress={job.progress.symbols}
          busy={job.running}
          onRefresh={(symbol) => job.start([symbol])}
        />
      )}
      <RefreshLog />
    </section>
  );
}
