import { useId, useState } from 'react';
import { EXPORT_KINDS, type ExportKind } from '../../../../shared/api/csv-schemas';
import { useCsvExport } from '../../api/csv-hooks';
import { ErrorNote } from '../../components/error-note';
import { plural } from '../../../../shared/domain/plural';
import { downloadText } from './download';

const KIND_LABELS: Record<ExportKind, string> = {
  transactions: 'Transactions',
  holdings: 'Holdings',
  quotes: 'Quotes',
  performance: 'Performance',
  rotation: 'Rotation',
  realized: 'Realized gains',
};

/** One button per export; holdings, performance and rotation can be taken as of a past day. */
export function CsvExportPanel() {
  const ids = useId();
  const [asOf, setAsOf] = useState('');
  // On by default: any of these files may be opened in a spreadsheet (docs/csv.md, formula guard).
  const [formulaGuard, setFormulaGuard] = useState(true);
  const exportCall = useCsvExport(downloadText);
  const kind = exportCall.variables?.kind;

  return (
    <div className="csv-export" role="group" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Export</h3>
      <div className="field csv-as-of">
        <label htmlFor={`${ids}-as-of`}>As of (optional)</label>
        <input id={`${ids}-as-of`} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      </div>
      <label className="check">
        <input type="checkbox" checked={formulaGuard} onChange={(e) => setFormulaGuard(e.target.checked)} />
        Protect spreadsheets from formulas
      </label>
      <p className="muted small">
        Text starting with =, +, -, @, a tab or a carriage return gets an apostrophe in front, so a spreadsheet shows it
        instead of running it. Tiltfolio&apos;s own import takes it off again.
      </p>
      <div className="form-actions">
        {EXPORT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="secondary"
            disabled={exportCall.isPending}
            onClick={() => exportCall.mutate({ kind: k, formulaGuard, ...(asOf ? { asOf } : {}) })}
          >
            Export {KIND_LABELS[k].toLowerCase()}
          </button>
        ))}
      </div>
      {exportCall.error && kind && <ErrorNote what={`export ${kind}`} error={exportCall.error} />}
      {exportCall.data && kind && (
        <p className="muted small" role="status">
          {exportCall.data.savedAs === null
            ? 'Export cancelled.'
            : `Exported ${plural(exportCall.data.rows, `${KIND_LABELS[kind].toLowerCase()} row`)} to ${exportCall.data.savedAs}.`}
        </p>
      )}
    </div>
  );
}
