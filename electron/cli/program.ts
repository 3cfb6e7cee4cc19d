import { Command } from 'commander';
import { registerAnalyzeCommand } from './analyze-command';
import { registerAttributionCommand } from './attribution-command';
import { registerSignalsCommand } from './signals-command';
import { registerBackupCommands } from './backup-commands';
import { registerCsvCommands } from './csv-commands';
import { registerFxCommands } from './fx-commands';
import { registerHealthCommand } from './health-command';
import { registerQuoteCommands } from './quotes-commands';
import { registerRrgCommand } from './rrg-command';
import { registerSettingsCommands } from './settings-commands';
import { CliFailure, withBackend, type CliIo, type GlobalOptions } from './session';

export type { CliIo } from './session';

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

  registerQuoteCommands(program, io);
  registerFxCommands(program, io);
  registerSettingsCommands(program, io);
  registerAnalyzeCommand(program, io);
  registerRrgCommand(program, io);
  registerAttributionCommand(program, io);
  registerSignalsCommand(program, io);
  registerBackupCommands(program, io);
  registerHealthCommand(program, io);
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
    const code = (error as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return (error as { exitCode?: number }).exitCode ?? 1;
    }
    if (error instanceof CliFailure) {
      if (error.message) io.err(`tiltfolio: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`tiltfolio: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
