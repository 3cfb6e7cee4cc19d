import path from 'node:path';
import { Command } from 'commander';
import { createBackend, type Backend } from '../backend/backend';
import { dbPathIn, resolveDataDir } from '../backend/paths';
import { registerCsvCommands, ReportedError } from './csv-commands';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Set when stderr is a terminal, for progress lines that overwrite themselves. */
  progress?: (text: string) => void;
}

interface GlobalOptions {
  db?: string;
  dataDir?: string;
}

function openBackend(options: GlobalOptions): Backend {
  const dataDir = options.db ? path.dirname(path.resolve(options.db)) : resolveDataDir(options.dataDir);
  const dbPath = options.db ? path.resolve(options.db) : dbPathIn(dataDir);
  return createBackend({
    dataDir,
    dbPath,
    version: __TILTFOLIO_VERSION__,
    mode: 'cli',
    runtime: `Node ${process.versions.node}`,
  });
}

async function withBackend<T>(options: GlobalOptions, work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = openBackend(options);
  try {
    return await work(backend);
  } finally {
    backend.close();
  }
}

/** The `tiltfolio` command line. Each command drives the same backend handlers as the app. */
export function buildProgram(io: CliIo): Command {
  const program = new Command()
    .name('tiltfolio')
    .description('Tiltfolio from the command line: the same data and calculations as the app.')
    .version(__TILTFOLIO_VERSION__, '-v, --version')
    .option('--db <path>', 'database file (default: tiltfolio.sqlite in the data folder)')
    .option('--data-dir <dir>', 'data folder (default: $TILTFOLIO_DATA_DIR or the platform user-data folder)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  program
    .command('info')
    .description('where the database is, its schema version and row counts')
    .option('--json', 'print one JSON object')
    .action(async (cmdOptions: { json?: boolean }) => {
      await withBackend(program.opts<GlobalOptions>(), async (backend) => {
        const info = await backend.handlers['app:info']({});
        const counts = await backend.handlers['portfolio:summary']({});
        if (cmdOptions.json) {
          io.out(
            JSON.stringify({ version: info.version, dbPath: info.dbPath, schemaVersion: info.schemaVersion, counts }) +
              '\n',
          );
          return;
        }
        io.out(
          [
            `Tiltfolio ${info.version}`,
            `database:        ${info.dbPath}`,
            `schema version:  ${info.schemaVersion}`,
            `accounts:        ${counts.accounts}`,
            `instruments:     ${counts.instruments}`,
            `transactions:    ${counts.transactions}`,
            `quote bars:      ${counts.quoteBars}`,
          ].join('\n') + '\n',
        );
      });
    });

  registerCsvCommands(program, io, (work) => withBackend(program.opts<GlobalOptions>(), work));

  return program;
}

/** Runs the CLI and returns the exit code; never throws for user errors. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ReportedError) return error.exitCode;
    const code = (error as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return (error as { exitCode?: number }).exitCode ?? 1;
    }
    io.err(`tiltfolio: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
