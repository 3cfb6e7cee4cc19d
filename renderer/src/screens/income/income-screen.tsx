import { useState } from 'react';
import { useAccounts } from '../../api/hooks';
import { AccountFilter } from '../../components/account-filter';
import { useIncome } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { FitMoney } from '../../components/fit-money';
import { Screen } from '../../components/screen';
import { formatDay, formatPercent } from '../../format/format';
import { IncomeBars } from './income-bars';
import { IncomeByHolding, IncomeBySleeve, IncomeByYear } from './income-tables';
import './income.css';

/** Dividends and interest in the base currency, each at its own day's rate (docs/engine.md, "Income"). */
export function IncomeScreen() {
  const [account, setAccount] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const accounts = useAccounts();
  const income = useIncome({
    ...(account ? { account } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  const data = income.data;
  const currency = data?.baseCurrency ?? 'USD';
  const empty = data !== undefined && data.months.length === 0;

  return (
    <Screen title="Income" className="wide">
      <div className="filters" role="search" aria-label="Filter income">
        <AccountFilter id="income-account" value={account} accounts={accounts.data} onChange={setAccount} />
        <div className="field">
          <label htmlFor="income-from">From</label>
          <input id="income-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="income-to">To</label>
          <input id="income-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      {income.isError && <ErrorNote what="sum your income" error={income.error} />}
      {data && (
        <dl className="totals-strip" aria-label="Income totals">
          <div>
            <dt>Dividends</dt>
            <dd data-testid="income-dividends">
              <FitMoney value={data.totals.dividends} currency={currency} />
            </dd>
          </div>
          <div>
            <dt>Interest</dt>
            <dd data-testid="income-interest">
              <FitMoney value={data.totals.interest} currency={currency} />
            </dd>
          </div>
          <div>
            <dt>Taxes withheld</dt>
            <dd data-testid="income-taxes">
              <FitMoney value={data.totals.taxes} currency={currency} />
            </dd>
          </div>
          <div>
            <dt title={`From ${formatDay(data.ttmFrom)} (not included) to ${formatDay(data.asOf)}`}>
              Dividends, last 12 months
            </dt>
            <dd data-testid="income-ttm">
              <FitMoney value={data.totals.ttmDividends} currency={currency} />
            </dd>
          </div>
          <div>
            <dt title="Last 12 months' dividends of what you hold now ÷ its cost basis">Yield on cost</dt>
            <dd data-testid="income-yoc">{formatPercent(data.totals.yieldOnCostPct)}</dd>
          </div>
          <div className="estimate">
            <dt title="Each holding's last 12 months of dividends per share × the shares you hold now. Not a forecast.">
              Next 12 months (estimate)
            </dt>
            <dd data-testid="income-forward">
              {data.totals.forwardEstimate === null ? (
                '—'
              ) : (
                <FitMoney value={data.totals.forwardEstimate} currency={currency} />
              )}
            </dd>
          </div>
        </dl>
      )}
      {empty && (
        <section className="card empty-state">
          <h2>No income {from || to ? 'in these dates' : 'yet'}</h2>
          <p>Dividends and interest appear here once they are recorded under Transactions or imported from a CSV.</p>
        </section>
      )}
      {data && !empty && (
        <>
          <section className="card" aria-labelledby="income-months-title">
            <h2 id="income-months-title">By month</h2>
            <IncomeBars months={data.months} currency={currency} />
          </section>
          <section className="card compact" aria-labelledby="income-years-title">
            <h2 id="income-years-title">By year</h2>
            <IncomeByYear rows={data.years} currency={currency} />
          </section>
          <section className="card compact" aria-labelledby="income-holdings-title">
            <h2 id="income-holdings-title">By holding</h2>
            <IncomeByHolding rows={data.holdings} currency={currency} />
          </section>
          <section className="card compact" aria-labelledby="income-sleeves-title">
            <h2 id="income-sleeves-title">By sleeve</h2>
            <IncomeBySleeve rows={data.sleeves} currency={currency} />
          </section>
          <p className="muted small">
            In {currency}, each dividend and interest payment at the exchange rate of its own day. Last 12 months end on{' '}
            {formatDay(data.asOf)}; estimates assume each holding pays what it paid per share over them.
          </p>
        </>
      )}
      {data && data.leftOut.length > 0 && (
        <ul className="notes">
          {data.leftOut.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
