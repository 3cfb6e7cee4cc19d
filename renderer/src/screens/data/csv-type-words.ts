// The mapping step's type words as plain data: which words the type column holds, what each reads
// as, and the user's choices (saved in the mapping's typeValues).
import type { CsvPreview } from '../../../../shared/api/csv-schemas';
import { COMMON_TYPE_WORDS, normaliseWord, wordTable } from '../../../../shared/csv/type-words';
import type { TransactionType } from '../../../../shared/domain/transaction';
import type { MappingState } from './csv-mapping';

// What a mapping understands without being told (shared/csv/presets/mapping.ts reads with the same).
const BUILT_IN = wordTable(COMMON_TYPE_WORDS);

export interface TypeWord {
  word: string;
  /** What the word reads as without a choice: "Kauf" is a buy; "Kaufauftrag" is nothing. */
  builtIn: TransactionType | null;
  /** The user's choice, when there is one. */
  chosen: TransactionType | null;
}

export type TypeWords =
  | { kind: 'none' }
  /** The column holds more (or longer) values than type words: nothing to list. */
  | { kind: 'too-many'; column: string }
  | { kind: 'words'; column: string; words: TypeWord[] };

/** The words found in the mapped type column, each with what it reads as. */
export function typeWords(preview: CsvPreview, state: MappingState): TypeWords {
  const column = state.columns.type;
  if (column === undefined) return { kind: 'none' };
  const values = preview.columnValues[preview.header.indexOf(column)];
  if (values === undefined) return { kind: 'none' };
  if (values === null) return { kind: 'too-many', column };
  // Choices are found as the importer finds words: without regard to case, spaces or underscores.
  const chosen = wordTable(state.typeValues);
  return {
    kind: 'words',
    column,
    words: values.map((word) => ({
      word,
      builtIn: BUILT_IN.get(normaliseWord(word)) ?? null,
      chosen: chosen.get(normaliseWord(word)) ?? null,
    })),
  };
}

/** The type a word will import as, if any. */
export function typeOfWord(word: TypeWord): TransactionType | null {
  return word.chosen ?? word.builtIn;
}

/**
 * The user's choice for a word; choosing what the word reads as anyway (or nothing) keeps no
 * entry, so a saved preset holds only the words it needs.
 */
export function setTypeWord(state: MappingState, word: string, type: TransactionType | null): MappingState {
  const key = normaliseWord(word);
  const typeValues = Object.fromEntries(
    Object.entries(state.typeValues).filter(([other]) => normaliseWord(other) !== key),
  );
  if (type !== null && type !== BUILT_IN.get(key)) typeValues[word] = type;
  return { ...state, typeValues, edited: true };
}
