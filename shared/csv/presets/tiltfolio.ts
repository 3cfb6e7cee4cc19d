import { TRANSACTION_COLUMNS } from '../transaction-columns';
import { OWN_TYPE_WORDS } from '../type-words';
import { mappingPreset, type MappableField } from './mapping';

const identity = Object.fromEntries(TRANSACTION_COLUMNS.map((column) => [column, column])) as Partial<
  Record<MappableField, string>
>;

/** The app's own export, read back exactly: see docs/csv.md for the rules. */
export const tiltfolioPreset = mappingPreset(
  'tiltfolio',
  'Tiltfolio',
  { columns: identity },
  { delimiter: null, dateFormat: 'YYYY-MM-DD', numberFormat: '1234.56' },
  {
    builtIn: true,
    words: OWN_TYPE_WORDS,
    unguard: true,
    notes: [
      'Reads what `tiltfolio export transactions` writes. Numbers are kept digit for digit (a leading + is dropped).',
      'Types and currencies are read without regard to case; symbols are upper-cased.',
      "The apostrophe the export's formula guard puts before an account, symbol or note beginning with =, +, -, @, tab or CR is taken off again.",
    ],
  },
);
