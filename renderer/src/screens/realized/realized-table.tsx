import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RealizedRow } from '../../../../shared/api/realized-schemas';
import { formatDay, formatMoney, formatQuantity, signClass } from '../../format/format';

const ROW_HEIGHT = 40;
const COLUMNS = 9;

/** One row per lot a sale consumed: a real <table>, virtualised with spacer rows for long years. */
export function RealizedTable({ rows }: { rows: RealizedRow[] }) {
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
    <div className="table-scroll realized-scroll" ref={scroller} tabIndex={0} aria-label="Realized lots, scrollable">
      <table className="data-table realized-table" aria-rowcount={rows.length + 1} data-testid="realized-table">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Symbol</th>
            <th scope="col">Account</th>
            <th scope="col">Acquired</th>
            <th scope="col">Sold</th>
            <th scope="col" className="num">
              Quantity
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
            <th scope="col">Term</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const r = rows[item.index] as RealizedRow;
            return (
              <tr key={item.index} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                <th scope="row">
                  <span className="symbol">{r.symbol}</span>
                </th>
                <td>{r.account}</td>
                <td>{formatDay(r.acquired)}</td>
                <td>{formatDay(r.sold)}</td>
                <td className="num">{formatQuantity(r.quantity)}</td>
                <td className="num">{formatMoney(r.proceeds, r.currency)}</td>
                <td className="num">{formatMoney(r.cost, r.currency)}</td>
                <td className={`num ${signClass(r.gain)}`}>{formatMoney(r.gain, r.currency, true)}</td>
                <td>{r.term === 'long' ? 'Long' : 'Short'}</td>
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
