import type { HoldingOutput } from '../../../../shared/api/holding-schemas';
import { plural } from '../../../../shared/domain/plural';
import { SLEEVE_LABELS } from '../../../../shared/domain/sleeve';
import { formatDay, formatMoney, formatPercent, formatQuantity, signClass } from '../../format/format';

type Money = string | null;

/** A figure in the holding's currency, and under it in the base currency when that differs. */
function Figure({
  label,
  own,
  base,
  holding,
  signed = false,
  testId,
}: {
  label: string;
  own: Money;
  base: Money;
  holding: HoldingOutput;
  signed?: boolean;
  testId: string;
}) {
  const other = holding.currency !== holding.baseCurrency;
  return (
    <div>
      <dt>{label}</dt>
      <dd className={signed ? signClass(own) : undefined} data-testid={testId}>
        {own === null ? '—' : formatMoney(own, holding.currency, signed)}
      </dd>
      {other && (
        <dd className="cell-sub" data-testid={`${testId}-base`}>
          {base === null
            ? `no ${holding.currency}→${holding.baseCurrency} rate`
            : formatMoney(base, holding.baseCurrency, signed)}
        </dd>
      )}
    </div>
  );
}

/**
 * The holding's sums over its accounts, and each position's return; with `accountHref`, each
 * account links to the holding in that account alone.
 */
export function HoldingFigures({
  holding,
  accountHref,
}: {
  holding: HoldingOutput;
  accountHref?: ((account: string) => string) | undefined;
}) {
  const t = holding.totals;
  const positions = [...holding.open, ...holding.closed];
  return (
    <section className="card" aria-labelledby="holding-figures-title">
      <div className="card-head">
        <h2 id="holding-figures-title">Position</h2>
        <p className="muted small">
          {SLEEVE_LABELS[holding.sleeve]} · {holding.currency}
          {holding.currency !== holding.baseCurrency && ` (second lines in ${holding.baseCurrency})`}
          {holding.asOf && ` · valued on ${formatDay(holding.asOf)}`}
        </p>
      </div>
      <dl className="holding-figures">
        <div>
          <dt>Shares</dt>
          <dd data-testid="holding-quantity">{formatQuantity(t.quantity)}</dd>
          <dd className="cell-sub">{plural(holding.open.length, 'open position')}</dd>
        </div>
        <Figure
          label="Market value"
          own={t.marketValue}
          base={t.marketValueBase}
          holding={holding}
          testId="holding-value"
        />
        <Figure label="Cost basis" own={t.costBasis} base={t.costBasisBase} holding={holding} testId="holding-cost" />
        <Figure
          label="Unrealized P&L"
          own={t.unrealizedPl}
          base={t.unrealizedPlBase}
          holding={holding}
          signed
          testId="holding-unrealized"
        />
        <Figure
          label="Realized P&L"
          own={t.realizedPl}
          base={t.realizedPlBase}
          holding={holding}
          signed
          testId="holding-realized"
        />
        <Figure
          label="Dividends received"
          own={t.dividends}
          base={t.dividendsBase}
          holding={holding}
          testId="holding-dividends"
        />
      </dl>
      <table className="data-table compact-table" data-testid="holding-positions">
        <caption className="muted small">
          Return over the time held: sales, dividends and value today against purchases, in {holding.currency}
          {holding.currency !== holding.baseCurrency && ` and in ${holding.baseCurrency} at each day's rate`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col" className="num">
              Shares
            </th>
            <th scope="col" className="num">
              Return ({holding.currency})
            </th>
            {holding.currency !== holding.baseCurrency && (
              <th scope="col" className="num">
                Return ({holding.baseCurrency})
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => {
            const quantity = 'quantity' in p ? p.quantity : '0';
            return (
              <tr key={p.account}>
                <th scope="row">
                  {accountHref ? <a href={accountHref(p.account)}>{p.account}</a> : p.account}
                  {quantity === '0' && <span className="cell-sub">closed</span>}
                </th>
                <td className="num">{formatQuantity(quantity)}</td>
                <td className={`num ${signClass(p.returnPct)}`} data-testid={`return-${p.account}`}>
                  {p.returnPct === null ? 'none' : formatPercent(p.returnPct, true)}
                </td>
                {holding.currency !== holding.baseCurrency && (
                  <td className={`num ${signClass(p.returnBasePct)}`} data-testid={`return-base-${p.account}`}>
                    {p.returnBasePct === null ? 'none' : formatPercent(p.returnBasePct, true)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const METHOD_WORDS = {
  fifo: 'FIFO (first in, first out)',
  lifo: 'LIFO (last in, first out)',
  hifo: 'highest cost first',
  average: 'average cost',
} as const;

/** The open lots, oldest first, as the ledger's cost method left them. */
export function HoldingLots({ holding }: { holding: HoldingOutput }) {
  const other = holding.currency !== holding.baseCurrency;
  return (
    <section className="card" aria-labelledby="holding-lots-title">
      <div className="card-head">
        <h2 id="holding-lots-title">Open lots</h2>
        <p className="muted small" data-testid="holding-cost-method">
          Cost method: {METHOD_WORDS[holding.costMethod]} (Settings)
        </p>
      </div>
      {holding.lots.length === 0 ? (
        <p className="muted">No open lots: every share has been sold.</p>
      ) : (
        <table className="data-table compact-table" data-testid="holding-lots">
          <thead>
            <tr>
              <th scope="col">Acquired</th>
              <th scope="col">Account</th>
              <th scope="col" className="num">
                Shares
              </th>
              <th scope="col" className="num">
                Cost
              </th>
              {other && (
                <th scope="col" className="num">
                  Cost ({holding.baseCurrency})
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {holding.lots.map((lot, i) => (
              <tr key={i}>
                <td>{formatDay(lot.acquired)}</td>
                <td>{lot.account}</td>
                <td className="num">{formatQuantity(lot.quantity)}</td>
                <td className="num">{formatMoney(lot.cost, holding.currency)}</td>
                {other && (
                  <td className="num">
                    {lot.costBase === null ? 'no rate' : formatMoney(lot.costBase, holding.baseCurrency)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Lots closed by sales, sale by sale, as the Realized gains screen lists them for this symbol. */
export function HoldingClosedLots({ holding }: { holding: HoldingOutput }) {
  if (holding.closedLots.length === 0) return null;
  const money = (value: string) => formatMoney(value, holding.currency);
  return (
    <section className="card" aria-labelledby="holding-closed-lots-title">
      <div className="card-head">
        <h2 id="holding-closed-lots-title">Closed lots</h2>
        <p className="muted small">
          Each sale&rsquo;s share of a lot, by {METHOD_WORDS[holding.costMethod]}; by tax year under Realized gains
        </p>
      </div>
      <table className="data-table compact-table" data-testid="holding-closed-lots">
        <thead>
          <tr>
            <th scope="col">Acquired</th>
            <th scope="col">Sold</th>
            <th scope="col">Account</th>
            <th scope="col" className="num">
              Shares
            </th>
            <th scope="col" className="num">
              Proceeds
            </th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Gain
            </th>
          </tr>
        </thead>
        <tbody>
          {holding.closedLots.map((lot, i) => (
            <tr key={i}>
              <td>{formatDay(lot.acquired)}</td>
              <td>{formatDay(lot.sold)}</td>
              <td>{lot.account}</td>
              <td className="num">{formatQuantity(lot.quantity)}</td>
              <td className="num">{money(lot.proceeds)}</td>
              <td className="num">{money(lot.cost)}</td>
              <td className={`num ${signClass(lot.gain)}`}>{formatMoney(lot.gain, holding.currency, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
