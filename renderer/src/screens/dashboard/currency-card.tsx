import type { HoldingsOutput } from '../../../../shared/api/portfolio-schemas';
import { formatMoney, formatPercent, signClass } from '../../format/format';
import { HOLDINGS_TOTALS, leftOutNotes } from '../../format/left-out-note';

/**
 * What share of the portfolio moves with each currency (holdings and cash in it, in the base
 * currency), and how much of the unrealized gain the exchange rates made. Shown once anything is
 * held in a second currency.
 */
export function CurrencyCard({ holdings }: { holdings?: HoldingsOutput }) {
  if (!holdings) return null;
  const base = holdings.baseCurrency;
  const others = holdings.currencies.some((c) => c.currency !== base) || holdings.totals.leftOut.length > 0;
  if (!others) return null;
  const { totals } = holdings;
  return (
    <section className="card" aria-labelledby="currency-title" data-testid="currency-exposure">
      <h2 id="currency-title">Currencies</h2>
      <p className="muted small">Share of holdings and cash by currency, in {base}.</p>
      <table className="currency-table">
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col" className="num">
              Holdings
            </th>
            <th scope="col" className="num">
              Cash
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {holdings.currencies.map((c) => (
            <tr key={c.currency} data-testid={`exposure-${c.currency}`}>
              <th scope="row">{c.currency}</th>
              <td className="num">{formatMoney(c.holdings, base)}</td>
              <td className="num">{formatMoney(c.cash, base)}</td>
              <td className="num">
                <span className="share-bar" style={{ width: `${Math.max(0, Math.min(100, c.sharePct))}%` }} />
                {formatPercent(c.sharePct)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="stats">
        <div>
          <dt>Unrealized P&amp;L ({base})</dt>
          <dd className={signClass(totals.unrealizedPl)}>{formatMoney(totals.unrealizedPl, base, true)}</dd>
        </div>
        <div>
          <dt>Price effect</dt>
          <dd className={signClass(totals.priceEffect)}>{formatMoney(totals.priceEffect, base, true)}</dd>
        </div>
        <div>
          <dt>Currency effect</dt>
          <dd className={signClass(totals.currencyEffect)} data-testid="currency-effect-total">
            {formatMoney(totals.currencyEffect, base, true)}
          </dd>
        </div>
      </dl>
      {totals.leftOut.length > 0 && (
        <ul className="notes">
          {leftOutNotes(totals.leftOut, base, HOLDINGS_TOTALS).map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
