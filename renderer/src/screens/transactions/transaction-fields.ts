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
  if (field === 'quantity') return type === 'split' ? 'Ratio (new : old shares)' : 'Quantity';
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

/**
 * The input's attributes. A split's ratio takes `1:3` or `3-for-1`, which a decimal keypad
 * cannot type, and its placeholder shows how to write one.
 */
export function fieldProps(type: TransactionType, field: FieldName): Record<string, string> {
  if (field === 'symbol') return { autoComplete: 'off', spellCheck: 'false' };
  if (field === 'quantity' && type === 'split')
    return { inputMode: 'text', placeholder: '3:1 or 1:3', spellCheck: 'false' };
  return { inputMode: 'decimal' };
}
