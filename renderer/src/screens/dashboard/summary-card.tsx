import { useAccounts, usePortfolioSummary } from '../../api/hooks';
import { CreateAccountForm } from '../create-account-form';

const count = new Intl.NumberFormat();

/** What is in the database: counts and accounts, with a way to add one. */
export function SummaryCard() {
  const summary = usePortfolioSummary();
  const accounts = useAccounts();
  if (!summary.data) return null;
  const s = summary.data;
  return (
    <section className="card" aria-labelledby="summary-title" data-testid="portfolio-summary">
      <h2 id="summary-title">In this portfolio</h2>
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
