import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { deleteQuotesInput } from '../../../../shared/api/quotes-schemas';
import { useDeleteQuotes, useQuoteList } from '../../api/quote-hooks';
import { Notice } from '../../components/notice';
import { formatDay } from '../../format/format';

type Request = { symbol: string; from?: string; to?: string };

function describeRange({ symbol, from, to }: Request): string {
  if (!from && !to) return `every bar of ${symbol}`;
  if (from && to) return `${symbol}'s bars from ${formatDay(from)} to ${formatDay(to)}`;
  return from ? `${symbol}'s bars from ${formatDay(from)} on` : `${symbol}'s bars up to ${formatDay(to!)}`;
}

/**
 * Deletes a symbol's cached bars, every source, in a day range or all: to remove a garbled bar
 * (one dated in the future stops every refresh of its symbol). Asks once more before deleting.
 */
export function DeleteBarsForm() {
  const ids = useId();
  const list = useQuoteList();
  const remove = useDeleteQuotes();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ symbol: '', from: '', to: '' });
  const [pending, setPending] = useState<Request | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const symbols = list.data?.map((series) => series.symbol) ?? [];

  function review(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    const parsed = deleteQuotesInput.safeParse({
      symbol: draft.symbol,
      ...(draft.from ? { from: draft.from } : {}),
      ...(draft.to ? { to: draft.to } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'from' ? 'From' : issue?.path[0] === 'to' ? 'To' : 'Symbol';
      setPending(null);
      return setProblem(`${field}: ${issue?.message ?? 'check it.'}`);
    }
    setProblem(null);
    setPending(parsed.data);
  }

  function confirm() {
    if (!pending) return;
    remove.mutate(pending, {
      onSuccess: (done) => {
        setPending(null);
        setResult(
          done.deleted === 0
            ? `There were no bars of ${done.symbol} to delete.`
            : `Deleted ${done.deleted.toLocaleString()} bar${done.deleted === 1 ? '' : 's'} of ${done.symbol} from ${formatDay(done.firstDay!)} to ${formatDay(done.lastDay!)}.`,
        );
        void queryClient.invalidateQueries();
      },
      onError: (error) => setProblem(`Could not delete: ${error.message}`),
    });
  }

  return (
    <form className="card" onSubmit={review} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Delete bars</h2>
      <p className="muted small">
        Removes a symbol&apos;s cached prices from every source: a range of days, or all of them when both dates are
        empty. Use it for a bad print or a bar dated in the future; a refresh fetches the days again.
      </p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${ids}-symbol`}>Symbol</label>
          <select
            id={`${ids}-symbol`}
            value={draft.symbol}
            onChange={(e) => {
              setPending(null);
              setDraft((d) => ({ ...d, symbol: e.target.value }));
            }}
          >
            <option value="">Choose…</option>
            {symbols.map((symbol) => (
              <option key={symbol} value={symbol}>
                {symbol}
              </option>
            ))}
          </select>
        </div>
        {(['from', 'to'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`${ids}-${name}`}>{name === 'from' ? 'From (optional)' : 'To (optional)'}</label>
            <input
              id={`${ids}-${name}`}
              type="date"
              value={draft[name]}
              onChange={(e) => {
                setPending(null);
                setDraft((d) => ({ ...d, [name]: e.target.value }));
              }}
            />
          </div>
        ))}
        <button type="submit" className="secondary" disabled={remove.isPending}>
          Delete bars…
        </button>
      </div>
      <p className="form-problem" role="alert">
        {problem ?? ''}
      </p>
      {pending && (
        <div className="form-actions" role="group" aria-label="Confirm the deletion">
          <span>Delete {describeRange(pending)}? This cannot be undone.</span>
          <button type="button" className="danger" onClick={confirm} disabled={remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" className="secondary" onClick={() => setPending(null)}>
            Keep them
          </button>
        </div>
      )}
      {result && <Notice onDismiss={() => setResult(null)}>{result}</Notice>}
    </form>
  );
}
