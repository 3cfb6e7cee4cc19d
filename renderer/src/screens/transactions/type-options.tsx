import { TRANSACTION_TYPES } from '../../../../shared/domain/transaction';
import { TYPE_LABELS } from './transaction-fields';

/** The ten transaction types as a select's options, in the ledger's order. */
export function TypeOptions() {
  return TRANSACTION_TYPES.map((type) => (
    <option key={type} value={type}>
      {TYPE_LABELS[type]}
    </option>
  ));
}
