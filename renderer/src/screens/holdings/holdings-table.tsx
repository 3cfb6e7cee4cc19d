import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { HoldingLine, HoldingSort, HoldingSortKey } from '../../../../shared/view/holdings-view';
import type { Sleeve } from '../../../../shared/domain/sleeve';
import { COLUMNS, GroupCells, HoldingCells } from './holdings-columns';

const ROW_HEIGHT = 48;

interface Props {
  lines: HoldingLine[];
  currency: string;
  sort: HoldingSort;
  onSort: (key: HoldingSortKey) => void;
  onToggle: (sleeve: Sleeve) => void;
}

/** Positions grouped by sleeve, as a real table virtualised with spacer rows. */
export function HoldingsTable({ lines, currency, sort, onSort, onToggle }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const spacer = (height: number) => (
    <tr aria-hidden="true">
      <td colSpan={COLUMNS.length} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );

  return (
    <div className="table-scroll" ref={scroller} tabIndex={0} role="region" aria-label="Holdings, scrollable">
      <table className="data-table holdings-table" aria-rowcount={lines.length + 1}>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.key} style={{ width: `${column.width}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => onSort(column.key)}>
                    {column.label}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {top > 0 && spacer(top)}
          {items.map((item) => {
            const line = lines[item.index] as HoldingLine;
            return line.kind === 'group' ? (
              <tr key={line.key} className="group-row" aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                <GroupCells
                  subtotal={line.subtotal}
                  currency={currency}
                  collapsed={line.collapsed}
                  onToggle={() => onToggle(line.subtotal.sleeve)}
                />
              </tr>
            ) : (
              <tr
                key={line.key}
                data-testid={`holding-${line.row.account}-${line.row.symbol}`}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
              >
                <HoldingCells row={line.row} base={currency} />
              </tr>
            );
          })}
          {bottom > 0 && spacer(bottom)}
        </tbody>
      </table>
    </div>
  );
}
