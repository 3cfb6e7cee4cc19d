import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TransactionRow, TransactionSort } from '../../../../shared/api/transaction-schemas';
import {
  TRANSACTION_PAGE_ROWS,
  useTransactionPages,
  useTransactionPosition,
  type TransactionQuery,
} from '../../api/hooks';
import { describeTransaction } from './describe-transaction';
import { describeSplitRatio } from '../../../../shared/engine/split-ratio';
import { formatDay, formatPrice, formatQuantity } from '../../format/format';
import { TYPE_LABELS } from './transaction-fields';

const ROW_HEIGHT = 40;

const COLUMNS: { key: TransactionSort; label: string; numeric?: boolean }[] = [
  { key: 'date', label: 'Date' },
  { key: 'account', label: 'Account' },
  { key: 'type', label: 'Type' },
  { key: 'symbol', label: 'Symbol' },
  { key: 'quantity', label: 'Quantity', numeric: true },
  { key: 'price', label: 'Price', numeric: true },
  { key: 'fee', label: 'Fee', numeric: true },
  { key: 'amount', label: 'Amount', numeric: true },
  { key: 'note', label: 'Note' },
];

interface Props {
  query: TransactionQuery;
  /** How many rows match: the table's length, known from the first page. */
  total: number;
  onSort: (key: TransactionSort) => void;
  onEdit: (row: TransactionRow) => void;
  onDelete: (row: TransactionRow) => void;
  /**
   * A row to bring into view and focus (its Edit button): one just added, edited, restored, or
   * whose form was closed. `highlight` marks it as changed. A new `key` repeats the move.
   */
  target?: { id: number; highlight: boolean; key: number } | null;
  /** Told when the target is outside the filter, so the screen can say so. */
  onTargetHidden?: () => void;
}

/**
 * A real <table>, virtualised with spacer rows, that asks the backend for the pages on screen
 * only: 500,000 transactions are never sent at once. Sorting and filtering happen in SQL.
 */
export function TransactionsTable({ query, total, onSort, onEdit, onDelete, target = null, onTargetHidden }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const firstPage = Math.floor((items[0]?.index ?? 0) / TRANSACTION_PAGE_ROWS);
  const lastPage = Math.floor((items.at(-1)?.index ?? 0) / TRANSACTION_PAGE_ROWS);
  const pageNumbers = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i);
  const sortKey = JSON.stringify(query);
  // The filter and sort the table has been scrolled to the top for. A new one starts at its first
  // row: until the scroll is back there, its pages are asked for from the top, not at the old
  // scroll position (a page nobody would see, which the backend's one worker would read first and
  // the first page wait behind: a search at 50,000 rows, issue 20).
  const [topFor, setTopFor] = useState(sortKey);
  const pages = useTransactionPages(query, topFor === sortKey ? pageNumbers : [0]);

  useEffect(() => {
    const element = scroller.current;
    if (!element || element.scrollTop === 0) return setTopFor(sortKey);
    // A browser says it has scrolled on its next frame, and the virtualizer reads the old
    // position until then: the pages on screen are asked for once it has.
    const scrolled = () => setTopFor(sortKey);
    element.addEventListener('scroll', scrolled, { once: true });
    element.scrollTo({ top: 0 });
    return () => element.removeEventListener('scroll', scrolled);
  }, [sortKey]);

  // Bring the target into view: ask where it stands in this order, scroll there, and once its row
  // has loaded, focus its Edit button (once per target).
  const position = useTransactionPosition(query, target?.id ?? null);
  const offset = position.data?.offset;
  const focused = useRef<number | null>(null);
  useEffect(() => {
    if (!target || position.data === undefined) return;
    if (offset === null) onTargetHidden?.();
    // The list's new length may arrive after the row's place: a row past the old end waits for it.
    else if (offset !== undefined && offset < total) virtual.scrollToIndex(offset, { align: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the target, its place or the length changes
  }, [target?.key, offset, offset !== undefined && offset !== null && offset < total]);
  useLayoutEffect(() => {
    if (!target || focused.current === target.key) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(`[data-testid="tx-${target.id}"] button`);
    if (button) {
      focused.current = target.key;
      button.focus({ preventScroll: true });
    }
  });

  const rowAt = (index: number): TransactionRow | undefined =>
    pages.get(Math.floor(index / TRANSACTION_PAGE_ROWS))?.rows[index % TRANSACTION_PAGE_ROWS];

  const dir = query.dir ?? 'desc';
  const sort = query.sort ?? 'date';

  return (
    <div className="table-scroll" ref={scroller} tabIndex={0} aria-label="Transactions, scrollable">
      <table className="data-table tx-table" aria-rowcount={total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => onSort(column.key)}>
                    {column.label}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (dir === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
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
            const row = rowAt(item.index);
            if (!row) {
              return (
                <tr key={`loading-${item.index}`} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td colSpan={10} className="muted">
                    Loading…
                  </td>
                </tr>
              );
            }
            return (
              <tr
                key={row.id}
                data-testid={`tx-${row.id}`}
                aria-rowindex={item.index + 2}
                className={target?.highlight && target.id === row.id ? 'tx-highlight' : undefined}
                style={{ height: ROW_HEIGHT }}
              >
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
                    aria-label={`Edit ${describeTransaction(row)}`}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="link danger"
                    onClick={() => onDelete(row)}
                    aria-label={`Delete ${describeTransaction(row)}`}
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
