import path from 'node:path';
import { createBackend, type Backend } from '../backend/backend';
import { dbPathIn, resolveDataDir } from '../backend/paths';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Set when stderr is a terminal, for progress lines that overwrite themselves. */
  progress?: (text: string) => void;
}

export interface GlobalOptions {
  db?: string;
  dataDir?: string;
}

/** A command that has already said what went wrong ends with this: only the exit code is left. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

/** A command waits anyway: it gives the app's import a minute to finish before answering busy. */
const CLI_WRITE_WAIT_MS = 60_000;

function openBackend(options: GlobalOptions): Backend {
  const dataDir = options.db ? path.dirname(path.resolve(options.db)) : resolveDataDir(options.dataDir);
  const dbPath = options.db ? path.resolve(options.db) : dbPathIn(dataDir);
  return createBackend({
    dataDir,
    dbPath,
    version: __TILTFOLIO_VERSION__,
    mode: 'cli',
    runtime: `Node ${process.versions.node}`,
    writeWaitMs: CLI_WRITE_WAIT_MS,
  });
}

export async function withBackend<T>(options: GlobalOptions, work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = openBackend(options);
  try {
    return await work(backend);
  } finally {
    // The day's automatic backup, if one was due, is finished rather than cut off.
    await backend.backups.opened;
    backend.close();
  }
}

/** Runs a contract call through the same gate as the app; a refusal becomes an error with its message. */
export async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** Columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  return (
    [header, ...rows]
      .map((row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
