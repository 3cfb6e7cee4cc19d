import { usePortfolioSummary } from '../../api/hooks';
import { useHoldings } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { Screen } from '../../components/screen';
import { AboutCard } from './about-card';
import { CurrencyCard } from './currency-card';
import { FirstRun } from './first-run';
import { HealthLink } from './health-link';
import { PerformanceCard } from './performance-card';
import { SummaryCard } from './summary-card';
import { TiltCard } from './tilt-card';
import './dashboard.css';

export function DashboardScreen() {
  const summary = usePortfolioSummary();
  // Its cards draw the totals and the currencies, not the positions.
  const holdings = useHoldings('none');
  return (
    <Screen title="Dashboard" className="dashboard">
      {summary.isPending && (
        <section className="card" aria-busy="true">
          Loading your portfolio…
        </section>
      )}
      {summary.isError && (
        <section className="card">
          <ErrorNote what="load the portfolio" error={summary.error} />
        </section>
      )}
      {summary.data?.isEmpty && <FirstRun />}
      {summary.data && !summary.data.isEmpty && (
        <>
          {holdings.isError && <ErrorNote what="value your holdings" error={holdings.error} />}
          <HealthLink after={holdings.data !== undefined || holdings.isError} />
          {summary.data.transactions === 0 ? (
            <section className="card empty-state">
              <h2>No transactions yet</h2>
              <p>
                Record a deposit and your first buy under Transactions, and the figures and charts will fill in here.
              </p>
            </section>
          ) : (
            <>
              <PerformanceCard holdings={holdings.data} holdingsFailed={holdings.isError} />
              <CurrencyCard holdings={holdings.data} />
              <TiltCard />
            </>
          )}
          <SummaryCard />
        </>
      )}
      <AboutCard />
    </Screen>
  );
}
