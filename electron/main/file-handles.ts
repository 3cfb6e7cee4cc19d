import { randomBytes } from 'node:crypto';
import { FILE_HANDLE_TTL_MS } from '../../shared/api/file-handle';
import type { FileRequest } from '../csv/csv-service';

type Purpose = FileRequest['purpose'];

/**
 * The files the user chose in main's dialogs, held here under random handles: the page gets the
 * handle, never the path, and can only pass back what a dialog gave it. A handle is taken once
 * (a second import needs a second choice) and expires unused, so none lingers for a later page.
 */
export interface FileHandles {
  issue(path: string, purpose: Purpose): string;
  /** The path, once; null for a handle never issued, already taken, expired or for another purpose. */
  take(handle: string, purpose: Purpose): string | null;
}

export function createFileHandles(now: () => number = () => Date.now()): FileHandles {
  const held = new Map<string, { path: string; purpose: Purpose; expires: number }>();
  const sweep = () => {
    const time = now();
    for (const [handle, entry] of held) if (entry.expires <= time) held.delete(handle);
  };
  return {
    issue(path, purpose) {
      sweep();
      const handle = `file-${randomBytes(16).toString('hex')}`;
      held.set(handle, { path, purpose, expires: now() + FILE_HANDLE_TTL_MS });
      return handle;
    },
    take(handle, purpose) {
      sweep();
      const entry = held.get(handle);
      // Used up even when asked for the wrong purpose: a handle is never tried twice.
      held.delete(handle);
      return entry?.purpose === purpose ? entry.path : null;
    },
  };
}
