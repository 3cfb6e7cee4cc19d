import { useId, useState } from 'react';
import type { PresetInfo, SavedPreset } from '../../../../shared/api/csv-schemas';
import { useCsvPresets, useDeleteCsvPreset, useSaveCsvPreset } from '../../api/csv-hooks';
import { Notice } from '../../components/notice';
import { DATE_FORMAT_LABELS } from './csv-mapping';

function summary(preset: PresetInfo): string {
  const words = Object.keys(preset.mapping?.typeValues ?? {}).length;
  return [
    `dates ${DATE_FORMAT_LABELS[preset.dateFormat]}`,
    `numbers ${preset.numberFormat}`,
    ...(words > 0 ? [`${words} type ${words === 1 ? 'word' : 'words'}`] : []),
  ].join(' · ');
}

/**
 * The mappings the user saved, each with a delete button. A delete takes effect at once and can be
 * undone while its note shows, as deleting a transaction can.
 */
export function CsvSavedPresets({ onDeleted }: { onDeleted: (name: string) => void }) {
  const ids = useId();
  const presets = useCsvPresets();
  const remove = useDeleteCsvPreset();
  const restore = useSaveCsvPreset();
  const [message, setMessage] = useState<string | null>(null);
  const [lastDeleted, setLastDeleted] = useState<SavedPreset | null>(null);
  const saved = presets.data?.presets.filter((preset) => !preset.builtIn) ?? [];
  if (saved.length === 0 && message === null) return null;

  function onDelete(name: string) {
    remove.mutate(
      { name },
      {
        onSuccess: ({ preset }) => {
          setLastDeleted(preset);
          setMessage(`Deleted the preset “${name}”.`);
          onDeleted(name);
        },
        onError: (error) => setMessage(error.message),
      },
    );
  }

  function undo() {
    if (!lastDeleted) return;
    restore.mutate(lastDeleted, {
      onSuccess: (preset) => {
        setMessage(`Restored the preset “${preset.name}”.`);
        setLastDeleted(null);
      },
      onError: (error) => setMessage(error.message),
    });
  }

  return (
    <div className="csv-saved-presets" role="group" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>Saved presets</h4>
      {message && (
        <Notice
          onDismiss={() => {
            setMessage(null);
            setLastDeleted(null);
          }}
        >
          {message}
          {lastDeleted && (
            <button type="button" className="link" onClick={undo} disabled={restore.isPending}>
              Undo
            </button>
          )}
        </Notice>
      )}
      {saved.length > 0 && (
        <ul>
          {saved.map((preset) => (
            <li key={preset.name}>
              <span>
                <strong>{preset.label}</strong> <span className="muted small">{summary(preset)}</span>
              </span>
              <button
                type="button"
                className="link danger"
                aria-label={`Delete the preset ${preset.name}`}
                disabled={remove.isPending}
                onClick={() => onDelete(preset.name)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
