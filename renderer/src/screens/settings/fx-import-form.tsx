import { useId, useRef, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import { fxImportInput } from '../../../../shared/api/fx-schemas';
import { useImportFxFiles } from '../../api/fx-hooks';
import { Notice } from '../../components/notice';
import { readText } from '../data/read-text';

/** `Imported 217,555 rates for 41 pairs from eurofxref-hist.csv (ECB reference rates).` */
export function fxImportedText(result: CallOutput<'fx:importFiles'>): string {
  const files = result.files
    .map((f) => `${f.fileName} (${f.format === 'ecb' ? 'ECB reference rates' : 'Yahoo pair'})`)
    .join(', ');
  const pairs =
    result.pairs.length === 1 ? `${result.pairs[0]!.base}/${result.pairs[0]!.quote}` : `${result.pairs.length} pairs`;
  return `Imported ${result.rates.toLocaleString()} rates for ${pairs} from ${files}.`;
}

/** The ECB's eurofxref-hist.csv or Yahoo pair files (EURUSD=X.csv): all chosen files or none. */
export function FxImportForm() {
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const importFiles = useImportFxFiles();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (files.length === 0) return setProblem('Choose the ECB file or a Yahoo pair file first.');
    setBusy(true);
    try {
      const read = [];
      for (const file of files) read.push({ fileName: file.name, content: await readText(file) });
      const parsed = fxImportInput.safeParse({ files: read });
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'Check the files.');
      setResult(fxImportedText(await importFiles.mutateAsync(parsed.data)));
      setProblem(null);
      setFiles([]);
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setProblem(`Not imported: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Import rates from a file</h3>
      <p className="muted small">
        The ECB’s reference rates as downloaded (eurofxref-hist.csv: a rate per 1 EUR for each currency and business
        day), or a Yahoo Finance download of a pair named for it, such as EURUSD=X.csv. All chosen files are imported
        together or not at all.
      </p>
      <div className="inline-form">
        <div className="field file-field">
          <label htmlFor={`${ids}-file`}>Rate files</label>
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
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Import rates'}
        </button>
      </div>
      <p id={`${ids}-problem`} className="form-problem" role="alert">
        {problem ?? ''}
      </p>
      {result && <Notice onDismiss={() => setResult(null)}>{result}</Notice>}
    </form>
  );
}
