import type { Transaction } from './domain/transaction';

/**
 * An invalid ledger. The message names the transaction the way a user would find it in a list
 * ("Transaction 42 (2016-11-14 sell AAPL): …"), and the id lets the UI jump to the row.
 */
export class LedgerError extends Error {
  readonly transactionId: number;
  readonly problem: string;

  constructor(tx: Pick<Transaction, 'id' | 'date' | 'type' | 'symbol'>, problem: string) {
    super(`${describeTransaction(tx)}: ${problem}`);
    this.name = 'LedgerError';
    this.transactionId = tx.id;
    this.problem = problem;
  }
}

export function describeTransaction(tx: Pick<Transaction, 'id' | 'date' | 'type' | 'symbol'>): string {
  const what = [tx.date, tx.type, tx.symbol].filter((part) => part !== null && part !== '').join(' ');
  return `Transaction ${tx.id} (${what})`;
}
