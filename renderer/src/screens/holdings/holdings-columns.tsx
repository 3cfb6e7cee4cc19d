import type { HoldingRow, HoldingSortKey, SleeveSubtotal } from '../../../../shared/view/holdings-view';
import { SLEEVE_LABELS } from '../../../../shared/domain/sleeve';
import { formatClose, formatDay, formatMoney, formatPercent, formatQuantity, signClass } from '../../format/format';
import { plural } from '../../../../shared/domain/plural';
import { HOLDINGS_TOTALS, leftOutNotes } from '../../format/left-out-note';
import { SymbolLink } from '../../components/symbol-link';

export interface Column {
  key: HoldingSortKey;
  label: string;
  numeric: boolean;
  /** Percent of the table: fixed, so columns do not jump as rows scroll in and out. */
  width: number;
}

export const COLUMNS: Column[] = [
  { key: 'symbol', label: 'Symbol', numeric: false, width: 10 },
  { key: 'account', label: 'Account', numeric: false, width: 7 },
  { key: 'quantity', label: 'Quantity', numeric: true, width: 8 },
  { key: 'price', label: 'Price', numeric: true, width: 9 },
  { key: 'marketValue', label: 'Market value', numeric: true, width: 11 },
  { key: 'weightPct', label: 'Weight', numeric: true, width: 6 },
  { key: 'costBasis', label: 'Cost basis', numeric: true, width: 10 },
  { key: 'unrealizedPl', label: 'Unrealized P&L', numeric: true, width: 11 },
  { key: 'realizedPl', label: 'Realized P&L', numeric: true, width: 10 },
  { key: 'returnPct', label: 'Return', numeric: true, width: 7 },
  { key: 'dayChange', label: 'Day change', numeric: true, width: 11 },
];

/**
 * Beside an own-currency figure of a position in another currency: the figure in the base
 * currency, or a badge naming the missing rate.
 */
function InBase({
  row,
  value,
  base,
  testId,
}: {
  row: HoldingRow;
  value: string | null;
  base: string;
  testId?: string;
}) {
  if (row.currency === base) return null;
  if (row.fxNote !== null && value === null)
    return (
      <span className="cell-sub">
        <span className="badge badge-stale" title={row.fxNote}>
          no rate
        </span>
      </span>
    );
  return (
    <span className="cell-sub" data-testid={testId} title={`At ${row.fxRate ?? '?'} ${base} per ${row.currency}`}>
      {formatMoney(value, base)}
    </span>
  );
}

/** One position's cells, in COLUMNS order; `base`: the base currency its second lines are in. */
export function HoldingCells({ row, base }: { row: HoldingRow; base: string }) {
  const c = row.currency;
  return (
    <>
      <td>
        <SymbolLink symbol={row.symbol} account={row.account} />
        {row.name && <span className="cell-sub">{row.name}</span>}
      </td>
      <td className="account">{row.account}</td>
      <td className="num" data-col="quantity">
        {formatQuantity(row.quantity)}
      </td>
      <td className="num">
        <span data-col="price" title={row.price === null ? undefined : `Close ${row.price} on ${row.priceDate ?? '?'}`}>
          {formatClose(row.price, c)}
        </span>
        <span className="cell-sub">
          {row.stale && (
            <span
              className="badge badge-stale"
              title={`The last close is from ${formatDay(row.priceDate)}, before the valuation day.`}
            >
              stale
            </span>
          )}{' '}
          {row.priceDate ? formatDay(row.priceDate) : 'no price'}
        </span>
      </td>
      <td className="num" data-col="value">
        {formatMoney(row.marketValue ?? row.costBasis, c)}
        <InBase row={row} value={row.marketValueBase} base={base} testId="value-base" />
        {row.atCost && (
          <span className="cell-sub">
            <span className="badge" title={row.note ?? 'No quote: shown at cost.'}>
              at cost
            </span>
          </span>
        )}
      </td>
      <td className="num">{formatPercent(row.weightPct)}</td>
      <td className="num">{formatMoney(row.costBasis, c)}</td>
      <td className={`num ${signClass(row.unrealizedPl)}`}>
        {formatMoney(row.unrealizedPl, c, true)}
        {c !== base && row.unrealizedPlBase !== null && (
          <span
            className="cell-sub"
            data-testid="currency-effect"
            title={`${formatMoney(row.unrealizedPlBase, base, true)} in ${base}: ${formatMoney(row.priceEffectBase, base, true)} price, ${formatMoney(row.currencyEffectBase, base, true)} currency`}
          >
            {formatMoney(row.currencyEffectBase, base, true)} FX
          </span>
        )}
        {c !== base && row.unrealizedPlBase === null && <InBase row={row} value={null} base={base} />}
      </td>
      <td className={`num ${signClass(row.realizedPl)}`}>{formatMoney(row.realizedPl, c, true)}</td>
      <td
        className={`num ${signClass(row.returnPct)}`}
        data-col="return"
        title="Over the time held: sales, dividends and value today against purchases"
      >
        {formatPercent(row.returnPct, true)}
        {c !== base && (
          <span className="cell-sub" data-testid="return-base">
            {row.returnBasePct === null ? `— ${base}` : `${formatPercent(row.returnBasePct, true)} ${base}`}
          </span>
        )}
      </td>
      <td className={`num ${signClass(row.dayChange)}`}>
        {formatMoney(row.dayChange, c, true)}
        <span className="cell-sub">{formatPercent(row.dayChangePct, true)}</span>
      </td>
    </>
  );
}

/** A sleeve's heading row: its name (a toggle to fold it) and its subtotals under the columns. */
export function GroupCells({
  subtotal,
  currency,
  collapsed,
  onToggle,
}: {
  subtotal: SleeveSubtotal;
  currency: string;
  collapsed: boolean;
  onToggle: () => void;
}) {
  const label = SLEEVE_LABELS[subtotal.sleeve];
  return (
    <>
      <th scope="row" colSpan={2}>
        <button
          type="button"
          className="group-toggle"
          aria-expanded={!collapsed}
          aria-label={`${label}, ${plural(subtotal.positions, 'position')}`}
          onClick={onToggle}
        >
          <span aria-hidden="true" className="chevron">
            {collapsed ? '▸' : '▾'}
          </span>
          {label}
          <span className="muted"> · {subtotal.positions.toLocaleString()}</span>
        </button>
      </th>
      <td />
      <td />
      <td className="num" data-col="subtotal-value">
        {formatMoney(subtotal.marketValue, currency)}
        {subtotal.leftOut.length > 0 && (
          <span className="cell-sub" title={leftOutNotes(subtotal.leftOut, currency, HOLDINGS_TOTALS).join(' ')}>
            without {subtotal.leftOut.map((l) => l.currency).join(', ')}
          </span>
        )}
      </td>
      <td className="num">{formatPercent(subtotal.weightPct)}</td>
      <td className="num">{formatMoney(subtotal.costBasis, currency)}</td>
      <td className={`num ${signClass(subtotal.unrealizedPl)}`}>
        {formatMoney(subtotal.unrealizedPl, currency, true)}
      </td>
      <td className={`num ${signClass(subtotal.realizedPl)}`}>{formatMoney(subtotal.realizedPl, currency, true)}</td>
      <td />
      <td className={`num ${signClass(subtotal.dayChange)}`}>{formatMoney(subtotal.dayChange, currency, true)}</td>
    </>
  );
}
