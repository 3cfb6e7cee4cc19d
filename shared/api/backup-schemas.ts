import { z } from 'zod';

export const backupInfo = z.strictObject({
  /** The file name in the backups folder, which `backup:restore` takes. */
  name: z.string(),
  file: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  /** manual, daily, before-import, before-delete, before-restore, or v<N> (before a migration). */
  reason: z.string(),
});

export const backupList = z.strictObject({ dir: z.string(), backups: z.array(backupInfo) });

export const backupRestoreInput = z.strictObject({
  // A plain file name: the page may choose among the backups, never name a path.
  name: z
    .string()
    .max(255)
    .regex(/^[A-Za-z0-9._-]+\.bak$/, 'Choose a backup from the list (a file name ending in .bak).'),
});

export const backupRestoreOutput = z.strictObject({
  restored: backupInfo,
  /** The database as it was before, kept as a backup: restore it to undo. */
  undo: backupInfo,
});
