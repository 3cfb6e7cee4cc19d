import { useId, useState } from 'react';
import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { benchmarkSuggestions, benchmarkText, parseBenchmark } from '../../../../shared/view/rrg-query';

/**
 * The RRG's benchmark, typed: any cached symbol (suggested as one types), the portfolio or a
 * sleeve. Taken on Enter, on leaving the field or on picking a suggestion; a symbol without
 * cached prices is refused beside the field, naming it, and the graph stays against the last one.
 */
export function BenchmarkField({
  id,
  value,
  symbols,
  onChange,
}: {
  id: string;
  value: Subject;
  symbols: readonly string[];
  onChange: (subject: Subject) => void;
}) {
  const listId = useId();
  const errorId = useId();
  const current = benchmarkText(value);
  const [text, setText] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);
  // The field follows a benchmark set elsewhere (Back, a link) unless the person is mid-typing.
  const [seen, setSeen] = useState(current);
  if (seen !== current) {
    setSeen(current);
    setText(current);
  }
  const take = (typed: string) => {
    const parsed = parseBenchmark(typed, new Set(symbols));
    if (!parsed.ok) return setProblem(`${parsed.message} The graph stays against ${current}.`);
    setProblem(null);
    setText(benchmarkText(parsed.value));
    if (benchmarkText(parsed.value) !== current) onChange(parsed.value);
  };
  return (
    <div className="field benchmark-field">
      <label htmlFor={id}>Against</label>
      <input
        id={id}
        list={listId}
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          // A suggestion picked from the list arrives whole, not as typing: take it at once.
          const inputType = (e.nativeEvent as InputEvent).inputType;
          if (inputType === 'insertReplacementText' || inputType === undefined) take(e.target.value);
        }}
        onBlur={(e) => {
          if (e.target.value !== current) take(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') take(e.currentTarget.value);
        }}
      />
      <datalist id={listId}>
        {benchmarkSuggestions(symbols).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {problem && (
        <p id={errorId} className="field-problem" role="alert" data-testid="rrg-benchmark-problem">
          {problem}
        </p>
      )}
    </div>
  );
}
