import { useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../../shared/api/contract';
import type { AppSettings } from '../../../../shared/api/settings-schemas';
import { useBackups, useCreateBackup, useRestoreBackup } from '../../api/backup-hooks';
import { ErrorNote } from '../../components/error-note';
import { Notice } from '../../components/notice';
import { useDraft, useSave } from './use-save';

type BackupInfo = CallOutput<'backup:list'>['backups'][number];

const REASONS: Record<string, string> = {
  manual: 'backed up by hand',
  daily: 'daily, on opening',
  'before-import': 'before an import',
  'before-delete': 'before a delete',
  'before-restore': 'before a restore',
};

function describe(backup: BackupInfo): string {
  const reason = REASONS[backup.reason] ?? (/^v\d+$/.test(backup.reason) ? 'before an update' : backup.reason);
  const when = new Date(backup.createdAt).toLocaleString();
  return `${when} — ${reason} (${Math.max(1, Math.round(backup.bytes / 1024))} KB)`;
}

/** Back up now, restore one from the list (with undo), and how many backups to keep. */
export function BackupSettings({ settings }: { settings: AppSettings }) {
  const backups = useBackups();
  const create = useCreateBackup();
  const restore = useRestoreBackup();
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<{ restored: BackupInfo; undo: BackupInfo; undone: boolean } | null>(null);
  const [draft, setDraft] = useDraft({ keep: String(settings.backupKeep) });
  const save = useSave('the backup setting');
  const list = backups.data?.backups ?? [];
  const selected = list.find((b) => b.name === chosen) ?? list[0];

  function restoreChosen(backup: BackupInfo, undone: boolean) {
    setConfirming(false);
    restore.mutate(backup.name, { onSuccess: (result) => setDone({ ...result, undone }) });
  }

  function submitKeep(event: FormEvent) {
    event.preventDefault();
    save.save({ backupKeep: Number(draft.keep) });
  }

  return (
    <section className="card settings-form" aria-labelledby="set-backups-title">
      <h2 id="set-backups-title">Backups</h2>
      <p className="muted small">
        A copy of the database is kept each day on opening, before every import and bulk delete, and whenever you back
        up by hand{backups.data ? `, in ${backups.data.dir}` : ''}.
      </p>
      {backups.isError && <ErrorNote what="list the backups" error={backups.error} />}
      <div className="form-actions">
        <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {create.isError && <ErrorNote what="back up" error={create.error} />}
      {create.data && <Notice>Backed up to {create.data.file}.</Notice>}

      <div className="field">
        <label htmlFor="set-backup-choice">Backup to restore</label>
        <select
          id="set-backup-choice"
          value={selected?.name ?? ''}
          disabled={list.length === 0}
          onChange={(e) => {
            setChosen(e.target.value);
            setConfirming(false);
          }}
        >
          {list.length === 0 && <option value="">No backups yet</option>}
          {list.map((b) => (
            <option key={b.name} value={b.name}>
              {describe(b)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="button" disabled={!selected || restore.isPending} onClick={() => setConfirming(true)}>
          Restore…
        </button>
      </div>
      {confirming && selected && (
        <Notice tone="error">
          Replace the portfolio with the backup of {describe(selected)}? The current database is kept as a backup first,
          so this can be undone.{' '}
          <button type="button" onClick={() => restoreChosen(selected, false)}>
            Restore this backup
          </button>{' '}
          <button type="button" className="link" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </Notice>
      )}
      {restore.isPending && <Notice>Restoring…</Notice>}
      {restore.isError && <ErrorNote what="restore the backup" error={restore.error} />}
      {done && !restore.isPending && (
        <Notice onDismiss={() => setDone(null)}>
          {done.undone ? 'Restore undone.' : `Restored the backup of ${describe(done.restored)}.`}{' '}
          {!done.undone && (
            <button type="button" className="link" onClick={() => restoreChosen(done.undo, true)}>
              Undo
            </button>
          )}
        </Notice>
      )}

      <form onSubmit={submitKeep} noValidate>
        <div className="field">
          <label htmlFor="set-backup-keep">Backups to keep</label>
          <input
            id="set-backup-keep"
            type="number"
            min={1}
            max={1000}
            value={draft.keep}
            aria-invalid={save.problems.backupKeep ? true : undefined}
            aria-describedby="set-backup-keep-help"
            onChange={(e) => setDraft(() => ({ keep: e.target.value }))}
          />
          <span id="set-backup-keep-help" className={save.problems.backupKeep ? 'field-problem' : 'muted small'}>
            {save.problems.backupKeep ?? 'The oldest beyond this number are deleted.'}
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={draft.keep === String(settings.backupKeep) || save.pending}>
            {save.pending ? 'Saving…' : 'Save'}
          </button>
        </div>
        {save.error && <Notice tone="error">{save.error}</Notice>}
        {save.saved && <Notice>{save.saved}</Notice>}
      </form>
    </section>
  );
}
