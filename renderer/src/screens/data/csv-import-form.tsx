import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { CsvPreview, ImportResult } from '../../../../shared/api/csv-schemas';
import { wholeLines } from '../../../../shared/csv/detect';
import { useCsvImport, useCsvPresets, useCsvPreview } from '../../api/csv-hooks';
import { ErrorNote } from '../../components/error-note';
import { CsvMappingStep, CsvPreviewTable } from './csv-mapping-step';
import { CsvSavedPresets } from './csv-saved-presets';
import { CsvTypeWordsStep } from './csv-type-words-step';
import { readText } from './read-text';
import {
  applyPreset,
  FIELD_LABELS,
  importRequest,
  initialMapping,
  missingFields,
  type MappingState,
} from './csv-mapping';

/** The preview reads only the start of the file: the header, the first rows and their type words. */
const PREVIEW_CHARS = 64 * 1024;

/** Whole lines only: a record cut in half would offer half a word as a type word. */
function previewContent(content: string): string {
  return content.length <= PREVIEW_CHARS ? content : wholeLines(content.slice(0, PREVIEW_CHARS));
}

interface Chosen {
  name: string;
  content: string;
  preview: CsvPreview;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function ImportOutcome({ result }: { result: ImportResult }) {
  if (result.cancelled)
    return (
      <p className="notice notice-info" role="status" data-testid="csv-import-result">
        {result.dryRun ? 'Check cancelled' : 'Import cancelled'}: nothing was written.
      </p>
    );
  if (result.errorCount > 0)
    return (
      <div className="notice notice-error csv-errors" role="alert">
        <p>
          {result.dryRun ? 'The check found' : 'Nothing was imported:'} {plural(result.errorCount, 'problem')} in{' '}
          {result.fileName}
          {result.dryRun ? ', so importing it would add nothing.' : '.'}
        </p>
        <ul>
          {result.errorMessages.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      </div>
    );
  const created = result.accountsCreated.length
    ? ` ${result.dryRun ? 'Would create' : 'Created'} ${plural(result.accountsCreated.length, 'account')}: ${result.accountsCreated.join(', ')}.`
    : '';
  return (
    <div className="notice notice-info" role="status" data-testid="csv-import-result">
      <p>
        {result.dryRun
          ? `Check passed: ${plural(result.added, 'row')} would be added, ${plural(result.duplicates, 'duplicate')} skipped.`
          : `Imported ${plural(result.added, 'row')}; ${plural(result.duplicates, 'duplicate')} skipped.`}
        {created}
      </p>
      {result.skippedMessages.length > 0 && (
        <ul>
          {result.skippedMessages.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
      {result.fxRateMessages.length > 0 && (
        <ul data-testid="csv-import-fx-rates">
          {result.fxRateMessages.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Import a transactions CSV: choose a file, check the detected columns, dry-run, import. */
export function CsvImportForm() {
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const [account, setAccount] = useState('');
  const [saveAs, setSaveAs] = useState('');
  const [readError, setReadError] = useState<unknown>(null);
  const previewCall = useCsvPreview();
  const importCall = useCsvImport();
  const presets = useCsvPresets();
  const queryClient = useQueryClient();

  async function choose(file: File | undefined) {
    setChosen(null);
    setMapping(null);
    setReadError(null);
    importCall.reset();
    if (!file) return;
    const content = await readText(file);
    previewCall.mutate(
      { content: previewContent(content) },
      {
        onSuccess: (preview) => {
          setChosen({ name: file.name, content, preview });
          setMapping(initialMapping(preview));
        },
      },
    );
  }

  function run(dryRun: boolean) {
    if (!chosen || !mapping) return;
    const request = importRequest(chosen.preview, mapping, { account, savePresetAs: saveAs });
    importCall.mutate(
      { fileName: chosen.name, content: chosen.content, dryRun, ...request },
      {
        onSuccess: (result) => {
          if (!result.committed) return;
          void queryClient.invalidateQueries();
          setSaveAs('');
        },
      },
    );
  }

  const preview = chosen?.preview;
  const presetLabel = (name: string | null) =>
    name === null ? null : (presets.data?.presets.find((p) => p.name === name)?.label ?? name);
  const usingPreset = mapping !== null && !mapping.edited && mapping.preset !== null;
  // A built-in preset reads its own type words (Portfolio Performance's, say); a mapping reads the user's.
  const usingBuiltIn = usingPreset && presets.data?.presets.find((p) => p.name === mapping.preset)?.builtIn === true;
  const missing = mapping ? missingFields(mapping.columns, account, mapping.currency) : [];
  const progress = importCall.progress;
  const busy = importCall.isPending || previewCall.isPending;

  return (
    <div className="csv-import" aria-labelledby={`${ids}-title`} role="group">
      <h3 id={`${ids}-title`}>Import transactions</h3>
      <p className="muted small">
        A CSV from Tiltfolio, Portfolio Performance, Ghostfolio, Wealthfolio, Charles Schwab, Interactive Brokers (Flex
        queries) or Trading 212 is recognised by its columns; for any other, pick which column holds what. Nothing is
        imported unless every row is fine.
      </p>
      <div className="field">
        <label htmlFor={`${ids}-file`}>Transactions CSV file</label>
        <input
          id={`${ids}-file`}
          ref={fileInput}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => void choose(e.target.files?.[0]).catch((error: unknown) => setReadError(error))}
        />
      </div>
      <CsvSavedPresets
        onDeleted={(name) =>
          // A deleted preset can no longer be imported by name: its columns stay, as a custom mapping.
          setMapping((state) => (state?.preset === name ? { ...state, preset: null, edited: true } : state))
        }
      />
      {(readError ?? previewCall.error) && <ErrorNote what="read the file" error={readError ?? previewCall.error} />}
      {chosen && preview && mapping && (
        <>
          <div className="csv-format-row">
            <div className="field">
              <label htmlFor={`${ids}-preset`}>Format</label>
              <select
                id={`${ids}-preset`}
                value={mapping.edited ? '' : (mapping.preset ?? '')}
                onChange={(e) =>
                  setMapping(
                    applyPreset(
                      mapping,
                      presets.data?.presets.find((p) => p.name === e.target.value) ?? null,
                      preview.header,
                    ),
                  )
                }
              >
                <option value="">Custom (the columns below)</option>
                {presets.data?.presets.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.label}
                    {p.builtIn ? '' : ' (saved)'}
                  </option>
                ))}
              </select>
            </div>
            <p data-testid="csv-detected">
              Detected: <strong>{presetLabel(preview.suggestedPreset) ?? 'custom'}</strong>
              <span className="muted small">
                {' '}
                · {plural(preview.header.length, 'column')}, separated by{' '}
                {preview.delimiter === '\t' ? 'tabs' : `“${preview.delimiter}”`}
              </span>
            </p>
          </div>
          {preview.problem && <p className="field-problem">The preview stopped early: {preview.problem}</p>}
          <CsvPreviewTable preview={preview} />
          <CsvMappingStep
            preview={preview}
            state={mapping}
            onChange={setMapping}
            account={account}
            onAccount={setAccount}
          />
          {!usingBuiltIn && <CsvTypeWordsStep preview={preview} state={mapping} onChange={setMapping} />}
          <div className="tx-grid csv-options">
            <div className="field">
              <label htmlFor={`${ids}-save-as`}>Save this mapping as a preset (optional)</label>
              <input
                id={`${ids}-save-as`}
                value={saveAs}
                placeholder="Preset name"
                maxLength={60}
                onChange={(e) => setSaveAs(e.target.value)}
              />
            </div>
          </div>
          {missing.length > 0 && !usingPreset && (
            <p className="field-problem" data-testid="csv-missing">
              Not mapped yet: {missing.map((f) => FIELD_LABELS[f]).join(', ')}.
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="secondary" disabled={busy} onClick={() => run(true)}>
              Check (dry run)
            </button>
            <button type="button" disabled={busy} onClick={() => run(false)}>
              {importCall.isPending ? 'Importing…' : 'Import'}
            </button>
          </div>
          {importCall.isPending && (
            <div className="overall-progress csv-import-progress">
              <progress
                aria-label="Import progress"
                max={progress?.rowsTotal ?? progress?.bytesTotal ?? 1}
                {...(progress && (progress.rowsTotal ?? progress.bytesTotal) !== undefined
                  ? { value: progress.rowsTotal !== undefined ? progress.rowsDone : (progress.bytesDone ?? 0) }
                  : {})}
              />
              <span className="muted small">
                {progress ? `${progress.phase} · ${plural(progress.rowsDone, 'row')}` : 'Starting…'}
              </span>
              <button type="button" className="secondary" onClick={() => void importCall.cancel()}>
                Cancel import
              </button>
            </div>
          )}
          {importCall.error && <ErrorNote what={`import ${chosen.name}`} error={importCall.error} />}
          {importCall.data && <ImportOutcome result={importCall.data} />}
        </>
      )}
    </div>
  );
}
