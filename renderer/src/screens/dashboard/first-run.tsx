import { useLoadDemo } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { CreateAccountForm } from '../create-account-form';

/** The empty portfolio: try the demo (everything bundled, no network) or start for real. */
export function FirstRun() {
  const demo = useLoadDemo();
  return (
    <section className="card empty-state first-run" aria-labelledby="empty-title" data-testid="empty-portfolio">
      <h2 id="empty-title">Your portfolio is empty</h2>
      <p>
        Tiltfolio keeps everything on this computer. To look around first, load the demo portfolio: a brokerage account
        and an IRA with years of trades, and the daily closes to value them — all bundled, so it works offline.
      </p>
      <div className="first-run-actions">
        <button type="button" onClick={() => demo.mutate()} disabled={demo.isPending}>
          {demo.isPending ? 'Loading the demo…' : 'Load demo portfolio'}
        </button>
      </div>
      {demo.isError && <ErrorNote what="load the demo portfolio" error={demo.error} />}
      <h3>Or start with your own account</h3>
      <p>
        Add an account — a brokerage, an IRA, a savings account — then record its transactions or import them from your
        broker.
      </p>
      <CreateAccountForm />
    </section>
  );
}
