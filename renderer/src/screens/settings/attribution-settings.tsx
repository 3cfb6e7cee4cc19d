import type { FormEvent } from 'react';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { SLEEVE_LABELS, SLEEVES, type Sleeve } from '../../../../shared/domain/sleeve';
import { Notice } from '../../components/notice';
import { useDraft, useSave } from './use-save';

type Draft = Record<Sleeve, string> & { riskFree: string; drift: string; overheat: string; notify: boolean };

function draftOf(s: AppSettings): Draft {
  return {
    large_cap_tech: s.sleeveIndexes.large_cap_tech ?? '',
    financials: s.sleeveIndexes.financials ?? '',
    small_caps: s.sleeveIndexes.small_caps ?? '',
    other: s.sleeveIndexes.other ?? '',
    riskFree: String(s.riskFreeRate * 100),
    drift: String(s.driftBandPct),
    overheat: String(s.overheatPct),
    notify: s.signalNotifications,
  };
}

/** A typed number, or NaN so that the contract's schema names the field. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Each sleeve's reference index, the risk-free rate, and the signals' thresholds. */
export function AttributionSettings({ settings }: { settings: AppSettings }) {
  const [draft, setDraft] = useDraft(draftOf(settings));
  const save = useSave('the attribution and signal settings');
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(settings));

  function submit(event: FormEvent) {
    event.preventDefault();
    const indexOf = (s: Sleeve) => (draft[s].trim() === '' ? null : draft[s].trim());
    save.save({
      sleeveIndexes: {
        large_cap_tech: indexOf('large_cap_tech'),
        financials: indexOf('financials'),
        small_caps: indexOf('small_caps'),
        other: indexOf('other'),
      },
      riskFreeRate: numberOf(draft.riskFree) / 100,
      driftBandPct: numberOf(draft.drift),
      overheatPct: numberOf(draft.overheat),
      signalNotifications: draft.notify,
    });
  }

  const field = (id: string, label: string, key: keyof Draft, problemKey: string, help: string) => (
    <div className="field" key={id}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={String(draft[key])}
        placeholder={key === 'other' ? `${settings.benchmarkSymbol} (the benchmark)` : undefined}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={save.problems[problemKey] ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
      <span id={`${id}-help`} className={save.problems[problemKey] ? 'field-problem' : 'muted small'}>
        {save.problems[problemKey] ?? help}
      </span>
    </div>
  );

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="set-attr-title">
      <h2 id="set-attr-title">Attribution and signals</h2>
      <p className="muted small">
        Each sleeve is measured against its index; the benchmark weights above blend them into the benchmark. Leave an
        index empty to use the benchmark symbol ({settings.benchmarkSymbol}).
      </p>
      <div className="settings-grid">
        {SLEEVES.map((s) =>
          field(`set-index-${s}`, `${SLEEVE_LABELS[s]} index`, s, `sleeveIndexes.${s}`, 'A symbol in the quote cache'),
        )}
        {field('set-risk-free', 'Risk-free rate (% a year)', 'riskFree', 'riskFreeRate', 'For Sharpe and alpha')}
        {field(
          'set-drift',
          'Drift band (points)',
          'drift',
          'driftBandPct',
          'A sleeve further from its target is a signal',
        )}
        {field(
          'set-overheat',
          'Overheated above (%)',
          'overheat',
          'overheatPct',
          'A close this far above its 50- or 200-day average',
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={draft.notify}
            onChange={(e) => setDraft((d) => ({ ...d, notify: e.target.checked }))}
          />{' '}
          Notify me of new signals (desktop app)
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={!dirty || save.pending}>
          {save.pending ? 'Saving…' : 'Save attribution and signals'}
        </button>
      </div>
      {save.error && <Notice tone="error">{save.error}</Notice>}
      {save.saved && <Notice>{save.saved}</Notice>}
    </form>
  );
}
