import { useId } from 'react';
import type { TransactionType } from '../../../../shared/domain/transaction';
import { TypeOptions } from '../transactions/type-options';
import type { MappingStepProps } from './csv-mapping';
import { setTypeWord, typeOfWord, typeWords } from './csv-type-words';

const NO_TYPE = '';

/**
 * One select per word of the type column (a broker's "Kauf", "Ausschüttung", …): the built-in
 * reading to start from, or the type the user picks; the mapping, and a preset saved from it,
 * keep the picks.
 */
export function CsvTypeWordsStep({ preview, state, onChange }: MappingStepProps) {
  const ids = useId();
  const found = typeWords(preview, state);
  if (found.kind === 'none') return null;
  if (found.kind === 'too-many')
    return (
      <p className="muted small" data-testid="csv-type-words">
        “{found.column}” holds too many different values to be the type column.
      </p>
    );
  if (found.words.length === 0) return null;
  const unmapped = found.words.filter((word) => typeOfWord(word) === null).map((word) => word.word);
  return (
    <fieldset className="csv-mapping" data-testid="csv-type-words">
      <legend>Transaction types</legend>
      <p className="muted small csv-step-note">
        The words in “{found.column}” at the start of the file, and the type each one imports as.
      </p>
      <div className="tx-grid">
        {found.words.map((word, i) => (
          <div className="field" key={word.word}>
            <label htmlFor={`${ids}-${i}`}>
              <span className="visually-hidden">Type for </span>
              {word.word}
            </label>
            <select
              id={`${ids}-${i}`}
              value={typeOfWord(word) ?? NO_TYPE}
              aria-invalid={typeOfWord(word) === null}
              onChange={(e) =>
                onChange(
                  setTypeWord(
                    state,
                    word.word,
                    e.target.value === NO_TYPE ? null : (e.target.value as TransactionType),
                  ),
                )
              }
            >
              {word.builtIn === null && <option value={NO_TYPE}>(choose a type)</option>}
              <TypeOptions />
            </select>
          </div>
        ))}
      </div>
      {unmapped.length > 0 && (
        <p className="field-problem" data-testid="csv-unmapped-types">
          Choose a type for: {unmapped.join(', ')}.
        </p>
      )}
    </fieldset>
  );
}
