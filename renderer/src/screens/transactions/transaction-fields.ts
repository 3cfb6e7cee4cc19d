import type { TransactionType } from '../../../../shared/domain/transaction';

export type FieldName = 'symbol' | 'quantity' | 'price' | 'fee' | 'amount';

/** Which inputs each type shows, and what the quantity field means for it. */
export const FIELDS_BY_TYPE: Record<TransactionType, FieldName[]> = {
  buy: ['symbol', 'quantity', 'price', 'fee', 'amount'],
  sell: ['symbol', 'quantity', 'price', 'fee', 'amount'],
  dividend: ['symbol', 'amount'],
  split: ['symbol', 'quantity'],
  fee: ['symbol', 'amount'],
  tax: ['symbol', 'amount'],
  interest: ['amount'],
  deposit: ['amount'],
  withdrawal: ['amount'],
  transfer_in: ['symbol', 'quantity', 'price', 'amount'],
  transfer_out: ['symbol', 'quantity'],
};

export const TYPE_LABELS: Record<TransactionType, string> = {
  buy: 'Buy',
  sell: 'Sell',
  dividend: 'Dividend',
  split: 'Split',
  fee: 'Fee',
  tax: 'Tax',
  interest: 'Interest',
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
  transfer_in: 'Transfer in',
  transfer_out: 'Transfer out',
};

export function fieldLabel(type: TransactionType, field: FieldName): string {
  if (field === 'quantity') return type === 'split' ? 'New shares per old share' : 'Quantity';
  if (field === 'price') return type === 'transfer_in' ? 'Cost per share' : 'Price';
  if (field === 'amount')
    return type === 'buy' || type === 'sell'
      ? 'Amount (optional check)'
      : type === 'transfer_in'
        ? 'Total cost (optional)'
        : 'Amount';
  if (field === 'symbol')
    return type === 'dividend' || type === 'fee' || type === 'tax' ? 'Symbol (optional)' : 'Symbol';
  return 'Fee';
}
