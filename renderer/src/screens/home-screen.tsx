import { useAccounts, useAppInfo, usePortfolioSummary } from '../api/hooks';
import { CreateAccountForm } from './create-account-form';

const count = new Intl.NumberFormat();

function ErrorNote({ what, error }: { what: string; error: unknown }) {
  return (
    <p className="error-note" role="alert">
      Could not load {what}: {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

function SummaryCard() {
  const summary = usePortfolioSummary();
  const accounts = useAccounts();
  if (summary.isPending)
    return (
      <section className="card" aria-busy="true">
        Loading your portfolio…
      </section>
    );
  if (summary.isError)
    return (
      <section className="card">
        <ErrorNote what="the portfolio" error={summary.error} />
      </section>
    );

  const s = summary.data;
  if (s.isEmpty) {
    return (
      <section className="card empty-state" aria-labelledby="empty-title" data-testid="empty-portfolio">
        <h2 id="empty-title">Your portfolio is empty</h2>
        <p>
          Tiltfolio keeps everything on this computer. Start with an account — a brokerage, an IRA, a savings account —
          then record its transactions to see your holdings and where they lean.
        </p>
        <CreateAccountForm />
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="summary-title" data-testid="portfolio-summary">
      <h2 id="summary-title">Your portfolio</h2>
      <dl className="stats">
        <div>
          <dt>Accounts</dt>
          <dd data-testid="count-accounts">{count.format(s.accounts)}</dd>
        </div>
        <div>
          <dt>Transactions</dt>
          <dd data-testid="count-transactions">{count.format(s.transactions)}</dd>
        </div>
        <div>
          <dt>Instruments</dt>
          <dd>{count.format(s.instruments)}</dd>
        </div>
        <div>
          <dt>Cached price bars</dt>
          <dd>{count.format(s.quoteBars)}</dd>
        </div>
      </dl>
      {accounts.data && (
        <ul className="account-list" aria-label="Accounts">
          {accounts.data.map((account) => (
            <li key={account.id}>
              <span>{account.name}</span>
              <span className="muted">{account.currency}</span>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Add another account</summary>
        <CreateAccountForm />
      </details>
    </section>
  );
}

function AboutCard() {
  const info = useAppInfo();
  if (info.isPending) return null;
  if (info.isError)
    return (
      <section className="card">
        <ErrorNote what="app details" error={info.error} />
      </section>
    );
  return (
    <section className="card about" aria-labelledby="about-title">
      <h2 id="about-title">Where your data lives</h2>
      <dl className="facts">
        <div>
          <dt>Database</dt>
          <dd>
            <code data-testid="db-path">{info.data.dbPath}</code>
          </dd>
        </div>
        <div>
          <dt>Schema version</dt>
          <dd>{info.data.schemaVersion}</dd>
        </div>
        <div>
          <dt>Running as</dt>
          <dd>
            {info.data.mode === 'electron' ? 'Desktop app' : 'Browser mode (this computer only)'} · {info.data.runtime}
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function HomeScreen() {
  return (
    <main className="screen home" id="main" aria-labelledby="home-title">
      <h1 id="home-title" className="screen-title">
        Dashboard
      </h1>
      <SummaryCard />
      <AboutCard />
    </main>
  );
}
