import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { CallInput, CallOutput } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import { importFileInput } from '../../../../shared/api/quotes-schemas';
import { useImportQuoteFile } from '../../api/quote-hooks';
import { Notice } from '../../components/notice';
import { readText } from './read-text';

/** The symbol a file stands for when none is typed: its name without the extension, upper-cased. */
export function symbolFromFileName(name: string): string {
  return name.replace(/\.[^.]*$/, '').toUpperCase();
}

/** One file's outcome: each file is imported whole or not at all, independently of the others. */
export interface FileOutcome {
  fileName: string;
  ok: boolean;
  text: string;
  /** Why a file was not imported. */
  reason?: string;
}

/** `3 daily closes for VTI`, or for a Tiltfolio export `5,106 daily closes for AAPL (2,553), JPM (2,553)`. */
export function importedText(result: CallOutput<'quotes:importFile'>): string {
  const symbols =
    result.symbols.length === 1
      ? result.symbols[0]!.symbol
      : result.symbols.map((s) => `${s.symbol} (${s.bars.toLocaleString()})`).join(', ');
  const note = result.note ? ` First ${result.note}.` : '';
  return `Imported ${result.bars.toLocaleString()} daily close${result.bars === 1 ? '' : 's'} for ${symbols}.${note}`;
}

/** A refusal because the file sits on another split scale than the cache (the backend names it in `issues`). */
export function isScaleJump(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'conflict' && error.issues.some((i) => i.includes('scale jump'));
}

type ImportInput = CallInput<'quotes:importFile'>;

/**
 * Daily closes from files: Yahoo's download (Date, Open, High, Low, Close, Adj Close, Volume)
 * or Tiltfolio's quotes export. Several files go one after another, each all or nothing, and
 * each gets its own line in the result, so one bad file does not hold back the others.
 */
export function ImportQuotesForm() {
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [symbol, setSymbol] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  // Files refused for a scale jump, kept so that one click imports them with the older bars rescaled.
  const [rescalable, setRescalable] = useState<ImportInput[]>([]);
  const importFile = useImportQuoteFile();
  const queryClient = useQueryClient();
  const single = files.length === 1 ? files[0]! : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOutcomes([]);
    if (files.length === 0) return setProblem('Choose one or more CSV files first.');
    const typed = single && symbol.trim() ? { symbol: symbol.trim() } : {};
    if (typed.symbol !== undefined) {
      const checked = importFileInput.shape.symbol.safeParse(typed.symbol);
      if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'Check the symbol.');
    }
    setProblem(null);
    setBusy(true);
    const results: FileOutcome[] = [];
    const refused: ImportInput[] = [];
    for (const file of files) {
      let content: string;
      try {
        content = await readText(file);
      } catch (error) {
        const reason = (error as Error).message;
        results.push({ fileName: file.name, ok: false, text: `Not imported: ${reason}`, reason });
        continue;
      }
      const input = { fileName: file.name, content, ...typed };
      const parsed = importFileInput.safeParse(input);
      if (!parsed.success) {
        const reason = parsed.error.issues[0]?.message ?? 'Check the file.';
        results.push({ fileName: file.name, ok: false, text: `Not imported: ${reason}`, reason });
        continue;
      }
      try {
        results.push({ fileName: file.name, ok: true, text: importedText(await importFile.mutateAsync(input)) });
      } catch (error) {
        const reason = (error as Error).message;
        results.push({ fileName: file.name, ok: false, text: `Not imported: ${reason}`, reason });
        if (isScaleJump(error)) refused.push(input);
      }
    }
    setRescalable(refused);
    finish(results);
  }

  async function rescaleAndImport() {
    setProblem(null);
    setOutcomes([]);
    setBusy(true);
    const results: FileOutcome[] = [];
    for (const input of rescalable) {
      try {
        const done = await importFile.mutateAsync({ ...input, rescaleOlder: true });
        results.push({ fileName: input.fileName, ok: true, text: importedText(done) });
      } catch (error) {
        const reason = (error as Error).message;
        results.push({ fileName: input.fileName, ok: false, text: `Not imported: ${reason}`, reason });
      }
    }
    setRescalable([]);
    finish(results);
  }

  function finish(results: FileOutcome[]) {
    setBusy(false);
    const [only] = results;
    if (results.length === 1 && only && !only.ok) setProblem(`Could not import ${only.fileName}: ${only.reason}`);
    else setOutcomes(results);
    if (results.some((r) => r.ok)) void queryClient.invalidateQueries();
    setFiles([]);
    setSymbol('');
    if (fileInput.current) fileInput.current.value = '';
  }

  const failed = outcomes.filter((o) => !o.ok).length;
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import prices from a file</h2>
      <p className="muted small">
        CSVs of daily closes, such as Yahoo Finance’s “Download” (Date, Open, High, Low, Close, Adj Close, Volume) — the
        file name gives the symbol unless you type one — or Tiltfolio’s own quotes export, which names its symbols.
        Choose several files to import them one after another: each file is imported whole or not at all. Imported
        closes work offline and sit beside fetched ones.
      </p>
      <div className="inline-form">
        <div className="field file-field">
          <label htmlFor={`${ids}-file`}>CSV files</label>
          <input
            ref={fileInput}
            id={`${ids}-file`}
            type="file"
            multiple
            accept=".csv,text/csv"
            aria-describedby={`${ids}-problem`}
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setProblem(null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-symbol`}>Symbol (optional, one file)</label>
          <input
            id={`${ids}-symbol`}
            value={files.length > 1 ? '' : symbol}
            disabled={files.length > 1}
            placeholder={
              files.length > 1 ? 'from each file' : single ? symbolFromFileName(single.name) : 'from the file name'
            }
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setSymbol(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : files.length > 1 ? `Import ${files.length} files` : 'Import'}
        </button>
      </div>
      <p id={`${ids}-problem`} className="form-problem" role="alert">
        {problem ?? ''}
      </p>
      {rescalable.length > 0 && (
        <div className="rescale-offer">
          <p className="small">
            If a split lies between the two downloads, the older bars can be brought onto the newer scale (prices ÷ the
            ratio, volume × it) and then the file imported. If not, check that the file is the right symbol.
          </p>
          <button type="button" disabled={busy} onClick={() => void rescaleAndImport()}>
            {rescalable.length === 1
              ? `Rescale older bars and import ${rescalable[0]!.fileName}`
              : `Rescale older bars and import ${rescalable.length} files`}
          </button>
        </div>
      )}
      {outcomes.length > 0 && (
        <Notice tone={failed > 0 ? 'error' : 'info'} onDismiss={() => setOutcomes([])}>
          {outcomes.length === 1 ? (
            outcomes[0]!.text
          ) : (
            <div className="import-outcomes-body">
              <p>
                {failed === 0
                  ? `All ${outcomes.length} files imported.`
                  : `${outcomes.length - failed} of ${outcomes.length} files imported; nothing was written from the ${failed === 1 ? 'other' : `other ${failed}`}.`}
              </p>
              <ul className="import-outcomes" aria-label="Files imported">
                {outcomes.map((o, i) => (
                  <li key={i} className={o.ok ? undefined : 'form-problem'}>
                    {o.fileName}: {o.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Notice>
      )}
    </form>
  );
}
