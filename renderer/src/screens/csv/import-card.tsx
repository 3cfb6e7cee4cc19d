import { useRef, useState } from 'react';
import type { CsvPreview, ImportResult } from '../../../../shared/api/csv-schemas';
import { DATE_FORMATS, type DateFormat } from '../../../../shared/csv/date-format';
import { NUMBER_FORMATS, type NumberFormat } from '../../../../shared/csv/number-format';
import { TRANSACTION_COLUMNS, transactionRecord } from '../../../../shared/csv/transaction-columns';
import { useClient } from '../../api/client-context';
import { useCsvImport, useCsvOpenFile, useCsvPresets, useCsvPreview, useCsvProgress } from '../../api/csv-hooks';
import { Notice } from '../../components/notice';
import { CUSTOM, importOptions, mappingProblems, type ImportChoices } from './import-options';
import { MappingEditor } from './mapping-editor';

type Source =
  | { via: 'path'; path: string; fileName: string; size: number }
  | { via: 'upload'; file: File; fileName: string; size: number };

const HEAD_BYTES = 64 * 1024;
const count = new Intl.NumberFormat();
let jobs = 0;

/** The start of an uploaded file for the preview, cut after its last whole line. */
async function readHead(file: File): Promise<string> {
  const text = await file.slice(0, HEAD_BYTES).text();
  if (file.size <= HEAD_BYTES) return text;
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return lastBreak < 0 ? text : text.slice(0, lastBreak + 1);
}

function initialChoices(preview: CsvPreview): ImportChoices {
  const custom = preview.suggestedPreset === null;
  return {
    preset: preview.suggestedPreset ?? CUSTOM,
    mapping: preview.mapping,
    dateFormat: custom ? (preview.dateFormat ?? '') : '',
    numberFormat: custom ? (preview.numberFormat ?? '') : '',
    delimiter: preview.delimiter,
    account: '',
    savePresetAs: '',
  };
}

function Progress({ jobId, size }: { jobId: string; size: number }) {
  const progress = useCsvProgress(jobId);
  const phase = progress?.phase ?? 'reading';
  const label =
    phase === 'reading'
      ? `Reading… ${count.format(progress?.rowsDone ?? 0)} rows`
      : phase === 'checking'
        ? 'Checking the whole ledger…'
        : 'Writing…';
  const total = progress?.bytesTotal ?? size;
  const done = phase === 'reading' ? (progress?.bytesDone ?? 0) : undefined;
  return (
    <div className="csv-progress" role="status" aria-live="polite">
      <progress max={total || undefined} value={done} aria-label="Import progress" />
      <span className="muted">{label}</span>
    </div>
  );
}

function ResultView({ result }: { result: ImportResult }) {
  if (result.errorCount > 0) {
    return (
      <div className="notice notice-error" role="alert">
        <div>
          <strong>
            Nothing was imported: {count.format(result.errorCount)} problem{result.errorCount === 1 ? '' : 's'}.
          </strong>
          <ul className="csv-errors">
            {result.errorMessages.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </div>
      </div>
    );
  }
  const created = result.accountsCreated.length > 0 ? ` New accounts: ${result.accountsCreated.join(', ')}.` : '';
  const verb = result.dryRun ? 'Would add' : 'Added';
  return (
    <div>
      <Notice>
        {verb} {count.format(result.added)} of {count.format(result.rows)} rows; {count.format(result.duplicates)}{' '}
        already there were skipped.{created}
        {result.dryRun ? ' Nothing was written.' : ''}
      </Notice>
      {result.dryRun && result.preview.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">The first rows to be added</caption>
            <thead>
              <tr>
                {TRANSACTION_COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.preview.map((row, i) => (
                <tr key={i}>
                  {transactionRecord(row).map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ImportCard() {
  const client = useClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const presets = useCsvPresets();
  const open = useCsvOpenFile();
  const preview = useCsvPreview();
  const run = useCsvImport();
  const [source, setSource] = useState<Source | null>(null);
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const shown = preview.data ?? null;
  const set = (patch: Partial<ImportChoices>) =>
    setChoices((current) => (current ? { ...current, ...patch } : current));

  async function load(next: Source, head: string) {
    setSource(next);
    setResult(null);
    setProblem(null);
    try {
      setChoices(initialChoices(await preview.mutateAsync({ content: head })));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  async function choose() {
    if (client.transport === 'ipc') {
      const file = await open.mutateAsync();
      if (!file.cancelled && file.path !== null) {
        await load({ via: 'path', path: file.path, fileName: file.fileName, size: file.size }, file.head);
      }
    } else {
      inputRef.current?.click();
    }
  }

  async function start(dryRun: boolean) {
    if (!source || !choices) return;
    const id = `ui-${Date.now()}-${++jobs}`;
    setJobId(id);
    setResult(null);
    setProblem(null);
    const options = importOptions(choices, dryRun, id);
    try {
      const value =
        source.via === 'path'
          ? await run.mutateAsync({ via: 'path', input: { path: source.path, ...options } })
          : await run.mutateAsync({
              via: 'upload',
              input: { fileName: source.fileName, content: await source.file.text(), ...options },
            });
      setResult(value);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setJobId(null);
    }
  }

  const blockers =
    shown && choices && choices.preset === CUSTOM
      ? mappingProblems(choices.mapping, shown.header, choices.account)
      : [];
  const busy = jobId !== null;

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import transactions</h2>
      <p className="muted">
        From Tiltfolio&apos;s own export, Portfolio Performance, Ghostfolio, Wealthfolio, or any CSV with a column
        mapping. An import adds all rows or none, and skips rows already there.
      </p>
      <input
        ref={inputRef}
        type="file"
        accept=".csv,.txt,text/csv"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file)
            void readHead(file).then((head) =>
              load({ via: 'upload', file, fileName: file.name, size: file.size }, head),
            );
        }}
      />
      <div className="form-actions">
        <button type="button" onClick={() => void choose()} disabled={busy}>
          Choose a CSV file…
        </button>
        {source && (
          <span className="muted">
            {source.fileName} ({count.format(source.size)} bytes)
          </span>
        )}
      </div>

      {shown && choices && (
        <div className="csv-import">
          {shown.problem && <Notice tone="error">The preview stopped early: {shown.problem}</Notice>}
          <div className="filters">
            <div className="field">
              <label htmlFor="csv-preset">Layout</label>
              <select id="csv-preset" value={choices.preset} onChange={(event) => set({ preset: event.target.value })}>
                {(presets.data?.presets ?? []).map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.label}
                    {p.name === shown.suggestedPreset ? ' (matches this file)' : ''}
                  </option>
                ))}
                <option value={CUSTOM}>My own column mapping…</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="csv-date-format">Dates</label>
              <select
                id="csv-date-format"
                value={choices.dateFormat}
                onChange={(event) => set({ dateFormat: event.target.value as DateFormat | '' })}
              >
                <option value="">{choices.preset === CUSTOM ? 'YYYY-MM-DD' : "The layout's"}</option>
                {DATE_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="csv-number-format">Numbers</label>
              <select
                id="csv-number-format"
                value={choices.numberFormat}
                onChange={(event) => set({ numberFormat: event.target.value as NumberFormat | '' })}
              >
                <option value="">{choices.preset === CUSTOM ? '1234.56' : "The layout's"}</option>
                {NUMBER_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="csv-account">Put every row into account (optional)</label>
              <input
                id="csv-account"
                value={choices.account}
                placeholder="from the file"
                onChange={(event) => set({ account: event.target.value })}
              />
            </div>
          </div>

          {choices.preset === CUSTOM && (
            <>
              <MappingEditor header={shown.header} mapping={choices.mapping} onChange={(mapping) => set({ mapping })} />
              <div className="field">
                <label htmlFor="csv-save-as">Save this mapping as (optional)</label>
                <input
                  id="csv-save-as"
                  value={choices.savePresetAs}
                  maxLength={60}
                  onChange={(event) => set({ savePresetAs: event.target.value })}
                />
              </div>
            </>
          )}

          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">The first rows of the file</caption>
              <thead>
                <tr>
                  {shown.header.map((name, i) => (
                    <th key={i} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {blockers.length > 0 && (
            <ul className="field-problem">
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="secondary"
              disabled={busy || blockers.length > 0}
              onClick={() => void start(true)}
            >
              Check (dry run)
            </button>
            <button type="button" disabled={busy || blockers.length > 0} onClick={() => void start(false)}>
              Import
            </button>
          </div>
        </div>
      )}

      {jobId !== null && <Progress jobId={jobId} size={source?.size ?? 0} />}
      {result && <ResultView result={result} />}
      {problem && (
        <Notice tone="error" onDismiss={() => setProblem(null)}>
          {problem}
        </Notice>
      )}
    </section>
  );
}
