import type { IncomeOutput } from '../../../../shared/api/income-schemas';
import { SLEEVE_LABELS } from '../../../../shared/domain/sleeve';
import { formatMoney, formatPercent } from '../../format/format';

type Holding = IncomeOutput['holdings'][number];
type SleeveRow = IncomeOutput['sleeves'][number];
type Year = IncomeOutput['years'][number];

const money = (value: string | null, currency: string) => (value === null ? '—' : formatMoney(value, currency));

function Head({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          Dividends
        </th>
        <th scope="col" className="num">
          Taxes withheld
        </th>
        <th scope="col" className="num">
          Net
        </th>
        <th scope="col" className="num">
          Last 12 months
        </th>
        <th scope="col" className="num">
          Yield on cost
        </th>
        <th scope="col" className="num">
          Forward (estimate)
        </th>
      </tr>
    </thead>
  );
}

function Cells({ row, currency }: { row: Holding | SleeveRow; currency: string }) {
  return (
    <>
      <td className="num">{formatMoney(row.dividends, currency)}</td>
      <td className="num">{formatMoney(row.taxes, currency)}</td>
      <td className="num">{formatMoney(row.net, currency)}</td>
      <td className="num">{formatMoney(row.ttmDividends, currency)}</td>
      <td className="num">{formatPercent(row.yieldOnCostPct)}</td>
      <td className="num estimate">{money(row.forwardEstimate, currency)}</td>
    </>
  );
}

export function IncomeByHolding({ rows, currency }: { rows: Holding[]; currency: string }) {
  return (
    <table className="data-table compact-table income-table" data-testid="income-by-holding">
      <caption className="visually-hidden">Income by holding</caption>
      <Head first="Holding" />
      <tbody>
        {rows.map((r) => (
          <tr key={r.symbol} data-testid={`income-holding-${r.symbol}`}>
            <th scope="row">
              <span className="symbol">{r.symbol}</span>
              {r.name && <span className="cell-sub">{r.name}</span>}
              {!r.open && <span className="cell-sub">no longer held</span>}
            </th>
            <Cells row={r} currency={currency} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IncomeBySleeve({ rows, currency }: { rows: SleeveRow[]; currency: string }) {
  return (
    <table className="data-table compact-table income-table" data-testid="income-by-sleeve">
      <caption className="visually-hidden">Income by sleeve</caption>
      <Head first="Sleeve" />
      <tbody>
        {rows.map((r) => (
          <tr key={r.sleeve}>
            <th scope="row">{SLEEVE_LABELS[r.sleeve]}</th>
            <Cells row={r} currency={currency} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IncomeByYear({ rows, currency }: { rows: Year[]; currency: string }) {
  return (
    <table className="data-table compact-table income-table" data-testid="income-by-year">
      <caption className="visually-hidden">Income by year</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col" className="num">
            Dividends
          </th>
          <th scope="col" className="num">
            Interest
          </th>
          <th scope="col" className="num">
            Taxes withheld
          </th>
          <th scope="col" className="num">
            Net
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((y) => (
          <tr key={y.year}>
            <th scope="row">{y.year}</th>
            <td className="num">{formatMoney(y.dividends, currency)}</td>
            <td className="num">{formatMoney(y.interest, currency)}</td>
            <td className="num">{formatMoney(y.taxes, currency)}</td>
            <td className="num">{formatMoney(y.net, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
