import { useState, type FormEvent } from 'react';
import { EXPORT_KINDS, type ExportKind } from '../../../../shared/api/csv-schemas';
import { useClient } from '../../api/client-context';
import { useCsvExport, useCsvExportFile } from '../../api/csv-hooks';
import { Notice } from '../../components/notice';
import { downloadText } from './download';

const LABELS: Record<ExportKind, string> = {
  transactions: 'Transactions',
  holdings: 'Holdings',
  quotes: 'Cached prices',
  performance: 'Performance by period',
  rotation: 'Rotation (RRG)',
};

const count = new Intl.NumberFormat();

export function ExportCard() {
  const client = useClient();
  const [kind, setKind] = useState<ExportKind>('transactions');
  const [asOf, setAsOf] = useState('');
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const toFile = useCsvExportFile();
  const toDownload = useCsvExport();
  const busy = toFile.isPending || toDownload.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const input = { kind, ...(asOf === '' ? {} : { asOf }) };
    try {
      if (client.transport === 'ipc') {
        const saved = await toFile.mutateAsync(input);
        if (saved.path !== null)
          setMessage({ text: `Saved ${count.format(saved.rows)} rows to ${saved.path}.`, tone: 'info' });
      } else {
        const result = await toDownload.mutateAsync(input);
        downloadText(result.fileName, result.content);
        setMessage({ text: `Downloaded ${result.fileName} (${count.format(result.rows)} rows).`, tone: 'info' });
      }
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), tone: 'error' });
    }
  }

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <form className="filters" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="export-kind">What</label>
          <select id="export-kind" value={kind} onChange={(event) => setKind(event.target.value as ExportKind)}>
            {EXPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-as-of">As of (optional)</label>
          <input id="export-as-of" type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </form>
      {message && (
        <Notice tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text}
        </Notice>
      )}
    </section>
  );
}
