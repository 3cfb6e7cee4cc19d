import path from 'node:path';
import type { Command } from 'commander';
import { call, table, withBackend, type CliIo, type GlobalOptions } from './session';
import type { CallOutput } from '../../shared/api/contract';

/** `tiltfolio backup [--list]` and `tiltfolio restore FILE`: the app's backups from the command line. */
export function registerBackupCommands(program: Command, io: CliIo): void {
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('backup')
    .description('back the database up now into backups/ beside it (SQLite online backup; safe while the app runs)')
    .option('--list', 'list the backups, newest first, instead of making one')
    .action(async (options: { list?: boolean }) => {
      await withBackend(globals(), async (backend) => {
        if (options.list) {
          const { dir, backups } = await call<CallOutput<'backup:list'>>(backend, 'backup:list', {});
          if (backups.length === 0) return io.out(`No backups in ${dir}.\n`);
          io.out(
            table(
              ['created', 'reason', 'bytes', 'file'],
              backups.map((b) => [b.createdAt, b.reason, String(b.bytes), b.file]),
            ),
          );
          return;
        }
        const made = await call<CallOutput<'backup:create'>>(backend, 'backup:create', {});
        io.out(`Backed up to ${made.file}\n`);
      });
    });

  program
    .command('restore')
    .description(
      'replace the database with a backup file, after checking it; the current database is kept as a backup first, and restoring that one undoes this',
    )
    .argument('<file>', 'a backup (e.g. from `tiltfolio backup --list`) or any Tiltfolio database file')
    .action(async (file: string) => {
      const source = path.resolve(file);
      await withBackend(globals(), async (backend) => {
        const { undo } = await backend.backups.restore(source);
        io.out(
          `Restored ${source}\nThe database as it was is kept in ${undo.file}\nTo undo: tiltfolio restore ${undo.file}\n`,
        );
      });
    });
}
