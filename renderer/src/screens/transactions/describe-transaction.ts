import type { TransactionRow } from '../../../../shared/api/transaction-schemas';
import { describeSplitRatio } from '../../../../shared/engine/split-ratio';
import { formatDay, formatPrice, formatQuantity } from '../../format/format';
import { TYPE_LABELS } from './transaction-fields';

type Described = Pick<TransactionRow, 'type' | 'date' | 'symbol' | 'quantity' | 'amount' | 'currency'>;

/**
 * A record as a person sees it in the table, for messages and accessible names: "the buy of 10
 * AAPL on Feb 20, 2019", "the dividend of $12.30 from SPY on Mar 16, 2018". Never its id, which
 * appears nowhere on screen.
 */
export function describeTransaction(row: Described): string {
  const label = TYPE_LABELS[row.type].toLowerCase();
  const on = `on ${formatDay(row.date)}`;
  const symbol = row.symbol ?? '';
  switch (row.type) {
    case 'buy':
    case 'sell':
    case 'transfer_in':
    case 'transfer_out':
      return `the ${label} of ${row.quantity === null ? '' : `${formatQuantity(row.quantity)} `}${symbol} ${on}`;
    case 'split':
      return `the ${row.quantity === null ? '' : `${describeSplitRatio(row.quantity)} `}split of ${symbol} ${on}`;
    default: {
      const amount = row.amount === null ? '' : ` of ${formatPrice(row.amount, row.currency)}`;
      const about = symbol === '' ? '' : row.type === 'dividend' ? ` from ${symbol}` : ` for ${symbol}`;
      return `the ${label}${amount}${about} ${on}`;
    }
  }
}
