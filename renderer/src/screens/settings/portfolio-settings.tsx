import type { FormEvent } from 'react';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { normalizeSymbol } from '../../../../shared/quotes/symbols';
import { Notice } from '../../components/notice';
import { Segmented } from '../../components/segmented';
import { useDraft, useSave } from './use-save';

export function PortfolioSettings({ settings }: { settings: AppSettings }) {
  const [draft, setDraft] = useDraft({
    costMethod: settings.costMethod,
    benchmark: settings.benchmarkSymbol,
    basis: settings.benchmarkBasis,
  });
  const { costMethod, benchmark, basis } = draft;
  const save = useSave('the portfolio settings');
  const dirty =
    costMethod !== settings.costMethod ||
    normalizeSymbol(benchmark) !== settings.benchmarkSymbol ||
    basis !== settings.benchmarkBasis;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.save({ costMethod, benchmarkSymbol: benchmark.trim(), benchmarkBasis: basis });
  }

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="set-portfolio-title">
      <h2 id="set-portfolio-title">Portfolio</h2>
      <div className="settings-grid">
        <Segmented
          label="Cost basis"
          options={[
            { value: 'fifo', label: 'First in, first out', title: 'Sales use the oldest lots first' },
            { value: 'lifo', label: 'Last in, first out', title: 'Sales use the newest lots first' },
            { value: 'hifo', label: 'Highest cost first', title: 'Sales use the lots that cost most a share first' },
            { value: 'average', label: 'Average cost', title: 'Every share costs the running average' },
          ]}
          value={costMethod}
          onChange={(value) => setDraft((d) => ({ ...d, costMethod: value }))}
        />
        <div className="field">
          <label htmlFor="set-benchmark">Benchmark symbol</label>
          <input
            id="set-benchmark"
            value={benchmark}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={save.problems.benchmarkSymbol ? true : undefined}
            aria-describedby="set-benchmark-help"
            onChange={(e) => setDraft((d) => ({ ...d, benchmark: e.target.value }))}
          />
          <span id="set-benchmark-help" className={save.problems.benchmarkSymbol ? 'field-problem' : 'muted small'}>
            {save.problems.benchmarkSymbol ?? 'Returns are compared with this symbol’s closes.'}
          </span>
        </div>
        <Segmented
          label="Benchmark return"
          options={[
            {
              value: 'total',
              label: 'Total return',
              title: 'Dividends reinvested (adjusted closes), as your own return counts dividends',
            },
            { value: 'price', label: 'Price only', title: 'Closes only, dividends left out' },
          ]}
          value={basis}
          onChange={(value) => setDraft((d) => ({ ...d, basis: value }))}
        />
      </div>
      <div className="form-actions">
        <button type="submit" disabled={!dirty || save.pending}>
          {save.pending ? 'Saving…' : 'Save portfolio settings'}
        </button>
      </div>
      {save.error && <Notice tone="error">{save.error}</Notice>}
      {save.saved && <Notice>{save.saved}</Notice>}
    </form>
  );
}
