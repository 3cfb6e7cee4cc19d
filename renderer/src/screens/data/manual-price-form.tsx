import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { manualPriceInput } from '../../../../shared/api/quotes-schemas';
import { useSetManualPrice } from '../../api/quote-hooks';
import { Notice } from '../../components/notice';
import { formatClose, formatDay } from '../../format/format';

/** A typed close for one day: for funds no provider quotes, or to correct a bad print. It wins over fetched ones. */
export function ManualPriceForm() {
  const ids = useId();
  const [draft, setDraft] = useState({ symbol: '', day: '', close: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const setPrice = useSetManualPrice();
  const queryClient = useQueryClient();

  function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const parsed = manualPriceInput.safeParse({
      ...draft,
      close: draft.close.trim() === '' ? NaN : Number(draft.close),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'close' ? 'Close' : issue?.path[0] === 'day' ? 'Date' : 'Symbol';
      return setProblem(
        `${field}: ${issue?.code === 'invalid_type' ? 'enter a number.' : (issue?.message ?? 'check it.')}`,
      );
    }
    setProblem(null);
    setPrice.mutate(parsed.data, {
      onSuccess: (bar) => {
        setResult(`Saved ${parsed.data.symbol} at ${formatClose(bar.close)} on ${formatDay(bar.day)}.`);
        setDraft({ symbol: '', day: '', close: '' });
        void queryClient.invalidateQueries();
      },
      onError: (error) => setProblem(`Could not save the price: ${error.message}`),
    });
  }

  const field = (name: keyof typeof draft, label: string, props: Record<string, string> = {}) => (
    <div className="field">
      <label htmlFor={`${ids}-${name}`}>{label}</label>
      <input
        id={`${ids}-${name}`}
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        {...props}
      />
    </div>
  );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Type a price</h2>
      <p className="muted small">
        For a fund no provider quotes, or to correct a bad close. A typed price wins over fetched ones for that day.
      </p>
      <div className="inline-form">
        {field('symbol', 'Symbol', { autoComplete: 'off', spellCheck: 'false' })}
        {field('day', 'Date', { type: 'date' })}
        {field('close', 'Close', { inputMode: 'decimal' })}
        <button type="submit" disabled={setPrice.isPending}>
          {setPrice.isPending ? 'Saving…' : 'Save price'}
        </button>
      </div>
      <p className="form-problem" role="alert">
        {problem ?? ''}
      </p>
      {result && <Notice onDismiss={() => setResult(null)}>{result}</Notice>}
    </form>
  );
}
