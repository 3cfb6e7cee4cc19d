import { useRefreshJob } from '../api/refresh-job';
import { countWord } from '../../../shared/domain/plural';

const count = new Intl.NumberFormat();

/** Refresh prices from anywhere; shows the job's overall progress and lets it be cancelled. */
export function RefreshWidget() {
  const job = useRefreshJob();
  const overall = job.progress.job;
  const total = overall?.symbolsTotal ?? job.started?.symbolsTotal ?? 0;
  const done = overall?.symbolsDone ?? 0;
  return (
    <div className="refresh-widget" data-testid="refresh-widget">
      {job.running ? (
        <>
          <progress max={Math.max(total, 1)} value={done} aria-label="Quote refresh, overall" />
          <p className="muted small" aria-live="polite">
            {count.format(done)} of {count.format(total)} {countWord(total, 'symbol')}
          </p>
          <button type="button" className="secondary small" onClick={job.cancel}>
            Cancel refresh
          </button>
        </>
      ) : (
        <button type="button" className="secondary small" onClick={() => job.start()}>
          Refresh prices
        </button>
      )}
      {!job.running && job.outcome && (
        <p className={`small ${job.outcome.tone === 'error' ? 'error-note' : 'muted'}`} role="status">
          {job.outcome.text}
        </p>
      )}
    </div>
  );
}
