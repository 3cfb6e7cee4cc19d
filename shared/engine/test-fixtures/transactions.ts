import type { Transaction } from '../../domain/transaction';

type Fields = Partial<Transaction> & Pick<Transaction, 'id' | 'date' | 'type'>;

/** A ledger record with test defaults: account Brokerage, USD, every other field empty. */
export function tx(fields: Fields): Transaction {
  return {
    time: null,
    account: 'Brokerage',
    symbol: null,
    quantity: null,
    price: null,
    fee: null,
    amount: null,
    currency: 'USD',
    note: null,
    ...fields,
  };
}

export const TODAY = '2024-06-28';
export const ACCOUNTS = ['Brokerage', 'IRA'];
