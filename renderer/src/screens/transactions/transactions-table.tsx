import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { TransactionRow } from '../../../../shared/api/transaction-schemas';
import { describeSplitRatio } from '../../../../shared/engine/split-ratio';
import { formatDay, formatPrice, formatQuantity } from '../../format/format';
import { TYPE_LABELS } from './transaction-fields';

const ROW_HEIGHT = 40;

interface Props {
  rows: TransactionRow[];
  onEdit: (row: TransactionRow) => void;
  onDelete: (row: TransactionRow) => void;
}

/** A real <table>, virtualised with spacer rows, so 100,000 transactions scroll smoothly. */
export function TransactionsTable({ rows, onEdit, onDelete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div className="table-scroll" ref={scroller} tabIndex={0} aria-label="Transactions, scrollable">
      <table className="data-table tx-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Account</th>
            <th scope="col">Type</th>
            <th scope="col">Symbol</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Fee
            </th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Note</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={10} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index] as TransactionRow;
            return (
              <tr key={row.id} data-testid={`tx-${row.id}`} style={{ height: ROW_HEIGHT }}>
                <td>{formatDay(row.date)}</td>
                <td>{row.account}</td>
                <td>
                  <span className={`type-badge type-${row.type}`}>{TYPE_LABELS[row.type]}</span>
                </td>
                <td>{row.symbol ?? ''}</td>
                <td className="num">
                  {row.quantity === null
                    ? ''
                    : row.type === 'split'
                      ? describeSplitRatio(row.quantity)
                      : formatQuantity(row.quantity)}
                </td>
                <td className="num">{row.price === null ? '' : formatPrice(row.price, row.currency)}</td>
                <td className="num">{row.fee === null ? '' : formatPrice(row.fee, row.currency)}</td>
                <td className="num">{row.amount === null ? '' : formatPrice(row.amount, row.currency)}</td>
                <td className="note" title={row.note}>
                  {row.note}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="link"
                    onClick={() => onEdit(row)}
                    aria-label={`Edit transaction ${row.id}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="link danger"
                    onClick={() => onDelete(row)}
                    aria-label={`Delete transaction ${row.id}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={10} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
