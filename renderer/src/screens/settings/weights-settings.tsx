import type { FormEvent } from 'react';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { SLEEVE_LABELS, SLEEVES } from '../../../../shared/domain/sleeve';
import { Notice } from '../../components/notice';
import { formatPercent } from '../../format/format';
import { parseWeights, toPercentDraft } from './weights';
import { useDraft, useSave } from './use-save';

/** The benchmark's sleeve make-up and the user's own target, typed as percents. */
export function WeightsSettings({ settings }: { settings: AppSettings }) {
  const [draft, setDraft] = useDraft({
    benchmark: toPercentDraft(settings.benchmarkWeights),
    hasTarget: settings.targetWeights !== null,
    target: toPercentDraft(settings.targetWeights ?? settings.benchmarkWeights),
  });
  const { benchmark, hasTarget, target } = draft;
  const save = useSave('the sleeve weights');
  const parsedBenchmark = parseWeights(benchmark);
  const parsedTarget = parseWeights(target);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!parsedBenchmark.weights || (hasTarget && !parsedTarget.weights)) return;
    save.save({ benchmarkWeights: parsedBenchmark.weights, targetWeights: hasTarget ? parsedTarget.weights : null });
  }

  const input = (which: 'benchmark' | 'target', sleeve: (typeof SLEEVES)[number]) => {
    const values = which === 'benchmark' ? benchmark : target;
    return (
      <input
        className="percent-input"
        inputMode="decimal"
        aria-label={`${which === 'benchmark' ? 'Benchmark' : 'Target'} weight of ${SLEEVE_LABELS[sleeve]}, percent`}
        value={values[sleeve]}
        disabled={which === 'target' && !hasTarget}
        onChange={(e) => setDraft((d) => ({ ...d, [which]: { ...d[which], [sleeve]: e.target.value } }))}
      />
    );
  };

  const totalCell = (parsed: ReturnType<typeof parseWeights>, active: boolean) => (
    <td className={`num ${active && parsed.problem ? 'loss' : ''}`}>{active ? formatPercent(parsed.total) : '—'}</td>
  );

  // Checked as the user types: the total shows what is left to place.
  const problem = parsedBenchmark.problem
    ? `Benchmark: ${parsedBenchmark.problem}`
    : hasTarget && parsedTarget.problem
      ? `Target: ${parsedTarget.problem}`
      : null;

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="set-weights-title">
      <h2 id="set-weights-title">Sleeve weights</h2>
      <p className="muted small">
        What the benchmark holds in each sleeve, and what you aim for. The dashboard shows your weights against both.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={hasTarget}
          onChange={(e) => setDraft((d) => ({ ...d, hasTarget: e.target.checked }))}
        />
        I have a target allocation
      </label>
      <table className="weights-table">
        <thead>
          <tr>
            <th scope="col">Sleeve</th>
            <th scope="col">Benchmark %</th>
            <th scope="col">Target %</th>
          </tr>
        </thead>
        <tbody>
          {SLEEVES.map((sleeve) => (
            <tr key={sleeve}>
              <th scope="row">{SLEEVE_LABELS[sleeve]}</th>
              <td>{input('benchmark', sleeve)}</td>
              <td>{input('target', sleeve)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {totalCell(parsedBenchmark, true)}
            {totalCell(parsedTarget, hasTarget)}
          </tr>
        </tfoot>
      </table>
      <p className="form-problem" role="alert">
        {problem ?? save.problems.benchmarkWeights ?? save.problems.targetWeights ?? ''}
      </p>
      <div className="form-actions">
        <button type="submit" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save weights'}
        </button>
      </div>
      {save.error && <Notice tone="error">{save.error}</Notice>}
      {save.saved && <Notice>{save.saved}</Notice>}
    </form>
  );
}
