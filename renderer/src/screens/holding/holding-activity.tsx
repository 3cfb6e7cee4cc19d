import type { CallOutput } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/domain/plural';
import { useHealth } from '../../api/health-hooks';
import { HOLDING_TRANSACTION_ROWS, useHoldingTransactions } from '../../api/holding-hooks';
import { ErrorNote } from '../../components/error-note';
import { formatDay, formatMoney, formatQuantity } from '../../format/format';

type Row = CallOutput<'transactions:list'>['rows'][number];

const TYPE_WORDS: Partial<Record<Row['type'], string>> = { transfer_in: 'transfer in', transfer_out: 'transfer out' };

/** The holding's records, newest first. */
export function HoldingTransactions({ symbol, account }: { symbol: string; account?: string }) {
  const page = useHoldingTransactions(symbol, account);
  return (
    <section className="card" aria-labelledby="holding-tx-title">
      <div className="card-head">
        <h2 id="holding-tx-title">Transactions</h2>
        {page.data && (
          <p className="muted small">
            {page.data.total > page.data.rows.length
              ? `The newest ${HOLDING_TRANSACTION_ROWS} of ${page.data.total.toLocaleString()}; all of them under Transactions`
              : `${plural(page.data.total, 'transaction')}, newest first`}
          </p>
        )}
      </div>
      {page.isError && <ErrorNote what="read its transactions" error={page.error} />}
      {page.data && (
        <table className="data-table compact-table" data-testid="holding-transactions">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Account</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Shares
              </th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {page.data.rows.map((t) => (
              <tr key={t.id}>
                <td>{formatDay(t.date)}</td>
                <td>{t.account}</td>
                <td>{TYPE_WORDS[t.type] ?? t.type}</td>
                <td className="num">{t.quantity === null ? '' : formatQuantity(t.quantity)}</td>
                <td className="num">{t.price === null ? '' : formatMoney(t.price, t.currency)}</td>
                <td className="num">{t.amount === null ? '' : formatMoney(t.amount, t.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The `health:check` problems about this symbol. */
export function HoldingHealth({ symbol }: { symbol: string }) {
  const health = useHealth();
  const problems = health.data?.problems.filter((p) => p.symbol === symbol) ?? [];
  return (
    <section className="card" aria-labelledby="holding-health-title" data-testid="holding-health">
      <div className="card-head">
        <h2 id="holding-health-title">Data health</h2>
      </div>
      {health.isError && <ErrorNote what="check its data" error={health.error} />}
      {health.data &&
        (problems.length === 0 ? (
          <p className="muted">No problems found in {symbol}’s prices and trades.</p>
        ) : (
          <ul className="holding-problems">
            {problems.map((p, i) => (
              <li key={i}>
                <p>
                  {p.day && <span className="muted small">{formatDay(p.day)} · </span>}
                  {p.detail}
                </p>
                <p className="small">Fix: {p.fix}</p>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
