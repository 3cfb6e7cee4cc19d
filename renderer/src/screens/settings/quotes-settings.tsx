import type { FormEvent } from 'react';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { Notice } from '../../components/notice';
import { useDraft, useSave } from './use-save';

const PROVIDERS = [
  { value: 'yahoo', label: 'Yahoo Finance' },
  { value: 'stooq', label: 'Stooq' },
  { value: 'none', label: 'None (files and typed prices only)' },
] as const;

export function QuotesSettings({ settings }: { settings: AppSettings }) {
  const [draft, setDraft] = useDraft({
    quoteProvider: settings.quoteProvider,
    yahooBaseUrl: settings.yahooBaseUrl,
    stooqBaseUrl: settings.stooqBaseUrl,
    offline: settings.offline,
  });
  const save = useSave('the quote settings');
  const dirty = (Object.keys(draft) as (keyof typeof draft)[]).some((k) => draft[k] !== settings[k]);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.save({ ...draft, yahooBaseUrl: draft.yahooBaseUrl.trim(), stooqBaseUrl: draft.stooqBaseUrl.trim() });
  }

  const url = (key: 'yahooBaseUrl' | 'stooqBaseUrl', label: string) => (
    <div className="field">
      <label htmlFor={`set-${key}`}>{label}</label>
      <input
        id={`set-${key}`}
        type="url"
        value={draft[key]}
        aria-invalid={save.problems[key] ? true : undefined}
        aria-describedby={save.problems[key] ? `set-${key}-problem` : undefined}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
      {save.problems[key] && (
        <span className="field-problem" id={`set-${key}-problem`}>
          {save.problems[key]}
        </span>
      )}
    </div>
  );

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="set-quotes-title">
      <h2 id="set-quotes-title">Quotes</h2>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor="set-provider">Quote provider</label>
          <select
            id="set-provider"
            value={draft.quoteProvider}
            onChange={(e) => setDraft((d) => ({ ...d, quoteProvider: e.target.value as AppSettings['quoteProvider'] }))}
          >
            {PROVIDERS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {url('yahooBaseUrl', 'Yahoo base URL')}
        {url('stooqBaseUrl', 'Stooq base URL')}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.offline}
          onChange={(e) => setDraft((d) => ({ ...d, offline: e.target.checked }))}
        />
        Offline mode: never fetch; work from the cache and imported files
      </label>
      <div className="form-actions">
        <button type="submit" disabled={!dirty || save.pending}>
          {save.pending ? 'Saving…' : 'Save quote settings'}
        </button>
      </div>
      {save.error && <Notice tone="error">{save.error}</Notice>}
      {save.saved && <Notice>{save.saved}</Notice>}
    </form>
  );
}
