import { useId, useState, type FormEvent } from 'react';
import { fxManualRateInput } from '../../../../shared/api/fx-schemas';
import { useSetManualRate } from '../../api/fx-hooks';
import { Notice } from '../../components/notice';
import { formatDay } from '../../format/format';

const FIELD_NAMES: Record<string, string> = { base: 'From', quote: 'To', day: 'Date', rate: 'Rate' };

/** One rate typed by hand (source manual): for a day no file or provider has, or to correct one. */
export function FxRateForm({ baseCurrency }: { baseCurrency: string }) {
  const ids = useId();
  const [draft, setDraft] = useState({
    base: 'EUR',
    quote: baseCurrency === 'EUR' ? 'USD' : baseCurrency,
    day: '',
    rate: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const setRate = useSetManualRate();

  function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const parsed = fxManualRateInput.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return setProblem(`${FIELD_NAMES[String(issue?.path[0])] ?? 'Rate'}: ${issue?.message ?? 'check it.'}`);
    }
    setProblem(null);
    setRate.mutate(parsed.data, {
      onSuccess: (saved) => {
        setResult(`Saved 1 ${saved.base} = ${saved.rate} ${saved.quote} on ${formatDay(saved.day)}.`);
        setDraft((d) => ({ ...d, day: '', rate: '' }));
      },
      onError: (error) => setProblem(`Could not save the rate: ${error.message}`),
    });
  }

  const field = (name: keyof typeof draft, label: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`${ids}-${name}`}>{label}</label>
      <input
        id={`${ids}-${name}`}
        value={draft[name]}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        {...props}
      />
    </div>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Type a rate</h3>
      <p className="muted small">1 unit of the first currency costs the rate in the second, on that day.</p>
      <div className="inline-form fx-rate-form">
        {field('base', 'From', { maxLength: 3, className: 'code-input' })}
        {field('quote', 'To', { maxLength: 3, className: 'code-input' })}
        {field('day', 'Date', { type: 'date' })}
        {field('rate', 'Rate', { inputMode: 'decimal', placeholder: '1.0539' })}
        <button type="submit" disabled={setRate.isPending}>
          Save rate
        </button>
      </div>
      <p className="form-problem" role="alert">
        {problem ?? ''}
      </p>
      {result && <Notice onDismiss={() => setResult(null)}>{result}</Notice>}
    </form>
  );
}
