import type { FormEvent } from 'react';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { pairsNeeded } from '../../../../shared/quotes/fx-pairs';
import { useFxCurrencies } from '../../api/fx-hooks';
import { Notice } from '../../components/notice';
import { currencyChoices } from './currency-choices';
import { useDraft, useSave } from './use-save';

/** The currency every total, return and export is shown in. */
export function BaseCurrencySettings({ settings }: { settings: AppSettings }) {
  const currencies = useFxCurrencies();
  const [draft, setDraft] = useDraft({ base: settings.baseCurrency });
  const save = useSave('the base currency');
  const choices = currencyChoices(currencies.data?.used ?? [], settings.baseCurrency);
  // For the base being chosen, not only the saved one: the pairs follow the choice.
  const needed = pairsNeeded(currencies.data?.used ?? [], draft.base);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.save({ baseCurrency: draft.base });
  }

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="set-base-title">
      <h2 id="set-base-title">Base currency</h2>
      <div className="field base-currency-field">
        <label htmlFor="set-base-currency">Show every figure in</label>
        <select
          id="set-base-currency"
          value={draft.base}
          aria-describedby="set-base-help"
          onChange={(e) => setDraft(() => ({ base: e.target.value }))}
        >
          <optgroup label="Used by your portfolio">
            {choices.used.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </optgroup>
          <optgroup label="Other currencies">
            {choices.others.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </optgroup>
        </select>
        <span id="set-base-help" className={save.problems.baseCurrency ? 'field-problem' : 'muted small'}>
          {save.problems.baseCurrency ??
            (needed.length > 0
              ? `Refresh fetches ${needed.map((p) => `${p.base}/${p.quote}`).join(', ')} for this.`
              : 'Everything in the portfolio is in this currency.')}
        </span>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={draft.base === settings.baseCurrency || save.pending}>
          {save.pending ? 'Saving…' : 'Save base currency'}
        </button>
      </div>
      {save.error && <Notice tone="error">{save.error}</Notice>}
      {save.saved && <Notice>{save.saved}</Notice>}
    </form>
  );
}
