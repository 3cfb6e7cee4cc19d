import { useHolding } from '../../api/holding-hooks';
import { useHashQuery } from '../../app/hash-location';
import { holdingHref, useHoldingTarget } from '../../app/use-route';
import { ErrorNote } from '../../components/error-note';
import { Screen } from '../../components/screen';
import { HoldingHealth, HoldingTransactions } from './holding-activity';
import { HoldingCharts } from './holding-charts';
import { HoldingClosedLots, HoldingFigures, HoldingLots } from './holding-figures';
import './holding.css';

/** A holding's page (#/holding/SYMBOL[?account=NAME]), reached from its symbol anywhere it is shown. */
export function HoldingScreen() {
  const target = useHoldingTarget();
  if (target === null)
    return (
      <Screen title="Holding">
        <p className="muted">
          No holding named: open one from <a href="#/holdings">Holdings</a>.
        </p>
      </Screen>
    );
  return <HoldingPage symbol={target.symbol} account={target.account} />;
}

function HoldingPage({ symbol, account }: { symbol: string; account?: string }) {
  const holding = useHolding(symbol, account);
  // Moving between accounts keeps the rest of the query (the date window).
  const query = useHashQuery();
  const accountHref = (other?: string) => holdingHref(symbol, other, query);
  const h = holding.data;
  const title = `${symbol}${h?.name ? ` · ${h.name}` : ''}${account === undefined ? '' : ` in ${account}`}`;
  return (
    <Screen
      title={title}
      className="holding"
      actions={
        <>
          {account !== undefined && <a href={accountHref()}>All accounts</a>}
          <a href="#/holdings">All holdings</a>
        </>
      }
    >
      {holding.isPending && (
        <section className="card" aria-busy="true">
          Working out {symbol}…
        </section>
      )}
      {holding.isError && <ErrorNote what={`show ${symbol}`} error={holding.error} />}
      {h && (
        <>
          <HoldingFigures holding={h} accountHref={account === undefined ? accountHref : undefined} />
          <HoldingCharts holding={h} />
          <div className="holding-pair">
            <HoldingLots holding={h} />
            <HoldingHealth symbol={symbol} />
          </div>
          <HoldingClosedLots holding={h} />
          <HoldingTransactions symbol={symbol} account={account} />
        </>
      )}
    </Screen>
  );
}
