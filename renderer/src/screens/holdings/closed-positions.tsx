import type { HoldingsOutput } from '../../../../shared/api/portfolio-schemas';
import { plural } from '../../../../shared/domain/plural';
import { formatMoney, signClass } from '../../format/format';
import { SymbolLink } from '../../components/symbol-link';

type ClosedRow = HoldingsOutput['closed'][number];

/** Fully sold positions and what each earned while held (realized P&L and dividends), in its own currency. */
export function ClosedPositions({ rows, searched }: { rows: ClosedRow[]; searched: boolean }) {
  return (
    <section className="card compact" aria-labelledby="closed-title">
      <div className="card-head">
        <h2 id="closed-title">Closed positions</h2>
        <p className="muted small">{plural(rows.length, 'position')} sold down to nothing</p>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{searched ? 'No closed position matches.' : 'Nothing has been sold in full yet.'}</p>
      ) : (
        <table className="data-table compact-table" data-testid="closed-table">
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Account</th>
              <th scope="col" className="num">
                Realized P&amp;L
              </th>
              <th scope="col" className="num">
                Dividends
              </th>
              <th scope="col" className="num">
                Earned
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.account}:${r.symbol}`} data-testid={`closed-${r.account}-${r.symbol}`}>
                <th scope="row">
                  <SymbolLink symbol={r.symbol} account={r.account} />
                  {r.name && <span className="cell-sub">{r.name}</span>}
                </th>
                <td>{r.account}</td>
                <td className={`num ${signClass(r.realizedPl)}`}>{formatMoney(r.realizedPl, r.currency, true)}</td>
                <td className="num">{formatMoney(r.dividends, r.currency)}</td>
                <td className={`num ${signClass(r.earned)}`}>{formatMoney(r.earned, r.currency, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
