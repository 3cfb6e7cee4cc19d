import type { Transaction } from '../domain/transaction';
import { DecimalError } from './decimal';

/** The field of a record a problem is about (an import names the file's column for it). */
export type LedgerField = Exclude<keyof Transaction, 'id' | 'note'>;

/**
 * An invalid ledger. The message names the transaction the way a user would find it in a list
 * ("Transaction 42 (2016-11-14 sell AAPL): …"), and the id lets the UI jump to the row.
 */
export class LedgerError extends Error {
  readonly transactionId: number;
  readonly problem: string;
  /** The field at fault, said by whoever found the problem; null when no one field is. */
  readonly field: LedgerField | null;

  constructor(tx: Pick<Transaction, 'id' | 'date' | 'type' | 'symbol'>, problem: string, field: LedgerField | null) {
    super(`${describeTransaction(tx)}: ${problem}`);
    this.name = 'LedgerError';
    this.transactionId = tx.id;
    this.problem = problem;
    this.field = field;
  }
}

export function describeTransaction(tx: Pick<Transaction, 'id' | 'date' | 'type' | 'symbol'>): string {
  const what = [tx.date, tx.type, tx.symbol].filter((part) => part !== null && part !== '').join(' ');
  return `Transaction ${tx.id} (${what})`;
}

/** Beyond the exact range (fixed.ts) is a fault of the record being read or booked: say which. */
export function tooLargeError(tx: Pick<Transaction, 'id' | 'date' | 'type' | 'symbol'>, error: unknown): unknown {
  if (error instanceof DecimalError)
    return new LedgerError(tx, `has an amount too large to keep exactly (${error.message})`, 'amount');
  return error;
}
