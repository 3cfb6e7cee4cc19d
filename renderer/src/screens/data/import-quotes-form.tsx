import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { importFileInput } from '../../../../shared/api/quotes-schemas';
import { useImportQuoteFile } from '../../api/quote-hooks';
import { Notice } from '../../components/notice';

/** The symbol a file stands for when none is typed: its name without the extension, upper-cased. */
export function symbolFromFileName(name: string): string {
  return name.replace(/\.[^.]*$/, '').toUpperCase();
}

/** Daily closes from a file (Yahoo's download: Date,Open,High,Low,Close,Adj Close,Volume). */
export function ImportQuotesForm() {
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [symbol, setSymbol] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const importFile = useImportQuoteFile();
  const queryClient = useQueryClient();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!file) return setProblem('Choose a CSV file first.');
    const input = {
      fileName: file.name,
      content: await file.text(),
      ...(symbol.trim() ? { symbol: symbol.trim() } : {}),
    };
    const parsed = importFileInput.safeParse(input);
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? 'Check the file and the symbol.');
    setProblem(null);
    importFile.mutate(input, {
      onSuccess: (r) => {
        setResult(`Imported ${r.bars.toLocaleString()} daily closes for ${r.symbol}.`);
        setFile(null);
        setSymbol('');
        if (fileInput.current) fileInput.current.value = '';
        void queryClient.invalidateQueries();
      },
      onError: (error) => setProblem(`Could not import ${file.name}: ${error.message}`),
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import prices from a file</h2>
      <p className="muted small">
        A CSV of daily closes, such as Yahoo Finance’s “Download” (Date, Open, High, Low, Close, Adj Close, Volume). The
        file name gives the symbol unless you type one. Imported closes work offline and sit beside fetched ones.
      </p>
      <div className="inline-form">
        <div className="field file-field">
          <label htmlFor={`${ids}-file`}>CSV file</label>
          <input
            ref={fileInput}
            id={`${ids}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${ids}-problem`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setProblem(null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-symbol`}>Symbol (optional)</label>
          <input
            id={`${ids}-symbol`}
            value={symbol}
            placeholder={file ? symbolFromFileName(file.name) : 'from the file name'}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setSymbol(e.target.value)}
          />
        </div>
        <button type="submit" disabled={importFile.isPending}>
          {importFile.isPending ? 'Importing…' : 'Import'}
        </button>
      </div>
      <p id={`${ids}-problem`} className="form-problem" role="alert">
        {problem ?? ''}
      </p>
      {result && <Notice onDismiss={() => setResult(null)}>{result}</Notice>}
    </form>
  );
}
