import { useDeferredValue, useMemo, useState } from 'react';
import type { Sleeve } from '../../../../shared/domain/sleeve';
import { groupLines, sleeveGroups, type HoldingSort, type HoldingSortKey } from '../../../../shared/view/holdings-view';
import { useAccounts } from '../../api/hooks';
import { AccountFilter } from '../../components/account-filter';
import { useHoldings } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { FitMoney } from '../../components/fit-money';
import { Screen } from '../../components/screen';
import { formatDay, formatMoney, signClass } from '../../format/format';
import { HOLDINGS_TOTALS, leftOutNotes } from '../../format/left-out-note';
import { ClosedPositions } from './closed-positions';
import { HoldingsTable } from './holdings-table';
import { plural } from '../../../../shared/domain/plural';
import './holdings.css';

const TEXT_COLUMNS: HoldingSortKey[] = ['symbol', 'account'];

export function HoldingsScreen() {
  const [account, setAccount] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<HoldingSort>({ key: 'marketValue', direction: 'desc' });
  const [includeClosed, setIncludeClosed] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<Sleeve>>(new Set());
  const accounts = useAccounts();
  const holdings = useHoldings(includeClosed ? 'all' : 'open', account || undefined);
  const query = useDeferredValue(search.trim().toUpperCase());

  const data = holdings.data;
  const rows = useMemo(
    () =>
      (data?.rows ?? []).filter(
        (r) => query === '' || r.symbol.includes(query) || (r.name ?? '').toUpperCase().includes(query),
      ),
    [data, query],
  );
  const closed = useMemo(
    () =>
      (data?.closed ?? []).filter(
        (r) => query === '' || r.symbol.includes(query) || (r.name ?? '').toUpperCase().includes(query),
      ),
    [data, query],
  );
  const currency = data?.baseCurrency ?? 'USD';
  // Subtotals follow the rows (data, search), the order the sort: a sort click adds nothing up again.
  // Unsearched, the headings are the answer's own subtotals (added up once, in the backend).
  const groups = useMemo(
    () => sleeveGroups(rows, currency, data && rows.length === data.rows.length ? data.sleeves : undefined),
    [rows, currency, data],
  );
  const lines = useMemo(() => groupLines(groups, sort, collapsed), [groups, sort, collapsed]);
  const notes = data ? [...leftOutNotes(data.totals.leftOut, currency, HOLDINGS_TOTALS), ...data.notes] : [];

  function onSort(key: HoldingSortKey) {
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: TEXT_COLUMNS.includes(key) ? 'asc' : 'desc' },
    );
  }

  function onToggle(sleeve: Sleeve) {
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(sleeve)) next.add(sleeve);
      return next;
    });
  }

  return (
    <Screen title="Holdings" className="wide">
      <div className="filters" role="search" aria-label="Filter holdings">
        <AccountFilter id="holdings-account" value={account} accounts={accounts.data} onChange={setAccount} />
        <div className="field">
          <label htmlFor="holdings-search">Symbol or name</label>
          <input
            id="holdings-search"
            type="search"
            placeholder="e.g. AAPL"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <label className="check holdings-closed-toggle">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />
          Include closed
        </label>
        {data && (
          <dl className="totals-strip" aria-label="Totals">
            <div>
              <dt>Market value ({currency})</dt>
              <dd data-testid="holdings-total">
                <FitMoney value={data.totals.marketValue} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>Cash</dt>
              <dd>
                <FitMoney value={data.totals.cash} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>Unrealized</dt>
              <dd className={signClass(data.totals.unrealizedPl)}>
                <FitMoney value={data.totals.unrealizedPl} currency={currency} signed />
              </dd>
            </div>
            {data.totals.currencyEffect !== '0' && (
              <div>
                <dt>of which currency</dt>
                <dd
                  className={signClass(data.totals.currencyEffect)}
                  data-testid="holdings-currency-effect"
                  title={`Price effect ${formatMoney(data.totals.priceEffect, currency, true)}; the rest is the exchange rates' move since each purchase.`}
                >
                  {formatMoney(data.totals.currencyEffect, currency, true)}
                </dd>
              </div>
            )}
            <div>
              <dt>Realized</dt>
              <dd className={signClass(data.totals.realizedPl)} data-testid="holdings-realized">
                <FitMoney value={data.totals.realizedPl} currency={currency} signed />
              </dd>
            </div>
            <div>
              <dt>Dividends</dt>
              <dd data-testid="holdings-dividends">
                <FitMoney value={data.totals.dividends} currency={currency} />
              </dd>
            </div>
            <div>
              <dt>Day</dt>
              <dd className={signClass(data.totals.dayChange)}>
                <FitMoney value={data.totals.dayChange} currency={currency} signed />
              </dd>
            </div>
          </dl>
        )}
      </div>

      {holdings.isError && <ErrorNote what="value your holdings" error={holdings.error} />}
      {data && data.rows.length === 0 && (
        <section className="card empty-state">
          <h2>{account ? `Nothing held in ${account}` : 'No holdings yet'}</h2>
          <p>
            Holdings come from your transactions: record a buy under Transactions, import your broker’s CSV, or load the
            demo portfolio from the dashboard.
          </p>
        </section>
      )}
      {data && data.rows.length > 0 && rows.length === 0 && (
        <p className="muted" role="status">
          No holding matches “{search}”.
        </p>
      )}
      {rows.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {plural(rows.length, 'position')} valued on {formatDay(data?.asOf)}
          </p>
          <HoldingsTable lines={lines} currency={currency} sort={sort} onSort={onSort} onToggle={onToggle} />
        </>
      )}
      {/* The answer before the box was ticked (shown while the one with the closed list loads) has none. */}
      {data && includeClosed && !holdings.isPlaceholderData && (
        <ClosedPositions rows={closed} searched={query !== ''} />
      )}
      {data && data.cash.length > 0 && (
        <section className="card compact" aria-labelledby="cash-title">
          <h2 id="cash-title">Cash</h2>
          <ul className="account-list">
            {data.cash.map((c) => (
              <li key={`${c.account}:${c.currency}`}>
                <span>{c.account}</span>
                <span>
                  {formatMoney(c.balance, c.currency)}
                  {c.currency !== currency && (
                    <span className="muted" title={c.fxNote ?? `At ${c.fxRate ?? '?'} ${currency} per ${c.currency}`}>
                      {' '}
                      {c.balanceBase === null ? '(no rate)' : `≈ ${formatMoney(c.balanceBase, currency)}`}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
