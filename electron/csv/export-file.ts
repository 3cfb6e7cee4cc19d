// An export written to a file: into FILE.partial, flushed to the disk, then renamed into place.
// Any failure on the way (a full disk, a read-only folder, an I/O error) removes the .partial,
// leaves whatever was at FILE untouched and is reported with the path and the reason.
import fs from 'node:fs';
import { open, rm, rename, stat } from 'node:fs/promises';
import { ApiError } from '../../shared/api/errors';
import { ExportUnavailableError, writeExport, type ExportContext, type ExportOptions } from './exporters';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this disk allows',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'the path is a folder',
  EIO: 'the disk reported an input/output error',
  EEXIST: 'another export to this file is under way',
};

/** "the disk is full (ENOSPC)": what a person can act on, with the code to search for. */
export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return `${REASONS[code] ?? (error as Error).message} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** The export could not be written; the message names the file and the reason. */
export class ExportWriteError extends ApiError {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(
      'internal',
      `Could not write ${file}: ${writeFailureReason(cause)}. Nothing was exported; ${
        fs.existsSync(file) ? 'the file that was there is unchanged' : 'no file was created'
      }.`,
      ['path: not written'],
    );
    this.name = 'ExportWriteError';
  }
}

/**
 * Writes the export into FILE.partial and renames it into place, so a failed or interrupted export
 * never leaves a half-written file under the chosen name. Every write is awaited on a file handle,
 * so an error rejects at once (a stream waiting for `drain` would wait for ever), and the data
 * reaches the disk (fsync) before the rename: a full disk is found here, not after the old file
 * is gone.
 */
export async function exportToFile(
  kind: Parameters<typeof writeExport>[0],
  context: ExportContext,
  file: string,
  options: ExportOptions = {},
): Promise<number> {
  // The rename below would put a regular file where a device, a pipe or a folder was (as root,
  // `--out /dev/null` would replace the device): only a regular file, or none yet, is replaced.
  const target = await stat(file).catch(() => null);
  if (target !== null && !target.isFile()) {
    throw new ApiError(
      'invalid_input',
      `Could not write ${file}: it is not a regular file (a device, a pipe or a folder), and an export replaces the file it writes. Nothing was exported; choose a file name, or leave --out out to write to standard output.`,
      ['path: not a regular file'],
    );
  }
  const partial = `${file}.partial`;
  // A .partial left by a crash is ours to replace; 'wx' then refuses to write through a link
  // someone put in its place between the two calls.
  await rm(partial, { force: true }).catch(() => undefined);
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(partial, 'wx');
    const out = handle;
    const rows = await writeExport(
      kind,
      context,
      async (chunk) => {
        // A write may take only part of a buffer (a disk filling up); the rest is written, or fails.
        const bytes = Buffer.from(chunk, 'utf8');
        for (let at = 0; at < bytes.length;) {
          const { bytesWritten } = await out.write(bytes, at, bytes.length - at);
          if (bytesWritten === 0) throw Object.assign(new Error('no byte was written'), { code: 'ENOSPC' });
          at += bytesWritten;
        }
      },
      options,
    );
    await out.sync();
    handle = null;
    await out.close();
    await rename(partial, file);
    return rows;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(partial, { force: true }).catch(() => undefined);
    // An unavailable export or a refusal from the exporter is not a disk problem.
    if (error instanceof ApiError || error instanceof ExportUnavailableError) throw error;
    throw new ExportWriteError(file, error);
  }
}
