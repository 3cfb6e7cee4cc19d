import { transactionInput, type TransactionInput } from '../../../../shared/api/transaction-schemas';
import { LedgerError } from '../../../../shared/engine/ledger-error';
import { parseTransaction } from '../../../../shared/engine/ledger-parse';

export type Draft = Record<Exclude<keyof TransactionInput, 'fxRate'>, string> & { fxRate: string };

export interface Validation {
  value: TransactionInput | null;
  /** Problems keyed by field, plus `form` for rules that span fields. */
  problems: Partial<Record<keyof TransactionInput | 'form', string>>;
}

/**
 * The same checks main applies, run as the user types: the contract's schema for each field,
 * then the engine's rules for the transaction's type. Only whole-ledger rules (selling more than
 * is held) wait for the save.
 */
export function validateDraft(draft: Draft, accounts: string[], today: string): Validation {
  const parsed = transactionInput.safeParse({ ...draft, time: draft.time === '' ? null : draft.time });
  if (!parsed.success) {
    const problems: Validation['problems'] = {};
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] as keyof TransactionInput | undefined) ?? 'form';
      problems[field] ??= issue.message;
    }
    return { value: null, problems };
  }
  try {
    parseTransaction({ ...parsed.data, id: 0 }, { today, accounts: new Set(accounts) });
  } catch (error) {
    if (error instanceof LedgerError) {
      // The engine says which field is at fault.
      return { value: null, problems: { [error.field ?? 'form']: `This transaction ${error.problem}` } };
    }
    throw error;
  }
  return { value: parsed.data, problems: {} };
}
