// `tiltfolio tx import` and `tiltfolio export`: the same calls the app makes (csv:importFile,
// csv:exportFile), with errors on stderr and a non-zero exit code.
import path from 'node:path';
import { Command, Option } from 'commander';
import { csvExportInput, EXPORT_KINDS, type ImportResult } from '../../shared/api/csv-schemas';
import type { ApiResult } from '../../shared/api/contract';
import { DATE_FORMATS } from '../../shared/csv/date-format';
import { NUMBER_FORMATS } from '../../shared/csv/number-format';
import { BUILT_IN_PRESETS } from '../../shared/csv/presets';
import { TRANSACTION_COLUMNS, transactionRecord } from '../../shared/csv/transaction-columns';
import type { Backend } from '../backend/backend';
import { portfolioSource, writeExport } from '../csv/exporters';
import { detectPreset } from './detect-preset';
import { CliFailure, type CliIo } from './session';
import { countWord } from '../../shared/domain/plural';

type WithBackend = <T>(work: (backend: Backend) => Promise<T>) => Promise<T>;

const count = (n: number) => n.toLocaleString('en-US');

function fail(io: CliIo, result: ApiResult<unknown>): never {
  if (!result.ok) {
    io.err(`tiltfolio: ${result.error.message}\n`);
    throw new CliFailure(1);
  }
  throw new Error('fail() called with a success');
}

function reportImport(io: CliIo, result: ImportResult): void {
  if (result.errorCount > 0) {
    const plural = result.errorCount === 1 ? 'problem' : 'problems';
    io.err(`${result.fileName}: nothing was imported; ${count(result.errorCount)} ${plural}:\n`);
    for (const message of result.errorMessages) io.err(`  ${message}\n`);
    throw new CliFailure(1);
  }
  const created = result.accountsCreated.length > 0 ? `; new accounts: ${result.accountsCreated.join(', ')}` : '';
  const duplicates = `${count(result.duplicates)} duplicate${result.duplicates === 1 ? '' : 's'} skipped`;
  if (result.dryRun) {
    io.out(
      `Dry run of ${result.fileName} (preset ${result.presetName}): would add ${count(result.added)} of ${count(result.rows)} ${countWord(result.rows, 'row')} (${duplicates}${created}). Nothing was written.\n`,
    );
    if (result.preview.length > 0) {
      io.out(`First ${result.preview.length} to add:\n  ${TRANSACTION_COLUMNS.join(',')}\n`);
      for (const row of result.preview) io.out(`  ${JSON.stringify(transactionRecord(row)).slice(1, -1)}\n`);
    }
    for (const message of [...result.skippedMessages, ...result.fxRateMessages]) io.out(`${message}\n`);
    return;
  }
  io.out(
    `Imported ${count(result.added)} of ${count(result.rows)} ${countWord(result.rows, 'row')} from ${result.fileName} (${duplicates}${created}).\n`,
  );
  for (const message of [...result.skippedMessages, ...result.fxRateMessages]) io.out(`${message}\n`);
}

export function registerCsvCommands(program: Command, io: CliIo, withBackend: WithBackend): void {
  const tx = program.command('tx').description('transactions');
  tx.command('import')
    .description('import transactions from a CSV file: all rows or none')
    .argument('<file>', 'the CSV file')
    .addOption(
      new Option(
        '--preset <name>',
        'the file layout: a built-in or saved preset (default: told from the header, as the import screen does)',
      ),
    )
    .option('--account <name>', 'put every row into this account (created if missing)')
    .option('--currency <code>', 'the currency of every row, for a file without a currency column (e.g. USD)')
    .option('--dry-run', 'check everything and show what would be added, writing nothing')
    .addOption(new Option('--date-format <format>', "override the preset's date format").choices(DATE_FORMATS))
    .addOption(new Option('--number-format <format>', "override the preset's number format").choices(NUMBER_FORMATS))
    .addOption(new Option('--delimiter <char>', 'override delimiter detection').choices([',', ';', '\t', '|']))
    .addHelpText('after', `\nBuilt-in presets: ${BUILT_IN_PRESETS.map((p) => p.name).join(', ')}. See docs/csv.md.`)
    .action(
      async (
        file: string,
        options: {
          preset?: string;
          account?: string;
          currency?: string;
          dryRun?: boolean;
          dateFormat?: string;
          numberFormat?: string;
          delimiter?: string;
        },
      ) => {
        await withBackend(async (backend) => {
          const jobId = `cli-${process.pid}`;
          const unsubscribe = io.progress
            ? backend.events.subscribe((name, payload) => {
                if (name !== 'csv:progress') return;
                const p = payload as { phase: string; rowsDone: number; bytesDone?: number; bytesTotal?: number };
                const pct = p.bytesTotal ? ` ${Math.floor(((p.bytesDone ?? 0) / p.bytesTotal) * 100)}%` : '';
                io.progress?.(`\r${p.phase} ${count(p.rowsDone)} rows${pct}   `);
              })
            : () => {};
          try {
            const preset = options.preset ?? (await detectPreset(backend, io, path.resolve(file), options.delimiter));
            const input: Record<string, unknown> = {
              path: path.resolve(file),
              ...(preset === undefined ? {} : { preset }),
              dryRun: options.dryRun ?? false,
              jobId,
            };
            if (options.account !== undefined) input.account = options.account;
            if (options.currency !== undefined) input.currency = options.currency;
            if (options.dateFormat !== undefined) input.dateFormat = options.dateFormat;
            if (options.numberFormat !== undefined) input.numberFormat = options.numberFormat;
            if (options.delimiter !== undefined) input.delimiter = options.delimiter;
            const result = await backend.dispatch('csv:importFile', input);
            io.progress?.('\r\u001b[K');
            if (!result.ok) fail(io, result);
            reportImport(io, result.value as ImportResult);
          } finally {
            unsubscribe();
          }
        });
      },
    );
  tx.command('presets')
    .description('list the import presets, built-in and saved')
    .action(async () => {
      await withBackend(async (backend) => {
        const { presets } = await backend.handlers['csv:presets']({});
        for (const preset of presets) {
          io.out(`${preset.name}${preset.builtIn ? '' : ' (saved)'}: ${preset.label}\n`);
          io.out(`  columns: ${preset.columns.map((c) => c.headers[0] + (c.required ? '*' : '')).join(', ')}\n`);
        }
      });
    });

  program
    .command('export')
    .description('export as CSV (RFC 4180, UTF-8): to stdout, or to --out FILE')
    .addArgument(new Command().createArgument('<kind>', 'what to export').choices(EXPORT_KINDS))
    .option('--as-of <date>', 'YYYY-MM-DD: up to this day')
    .option('--year <yyyy>', 'realized: sales of this tax year only (default: every year)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--no-formula-guard',
      'write text cells exactly as stored, without the apostrophe before =, +, -, @, tab or CR that keeps spreadsheets from running them as formulas',
    )
    .action(async (kind: string, options: { asOf?: string; year?: string; out?: string; formulaGuard: boolean }) => {
      if (options.year !== undefined && !/^\d{4}$/.test(options.year)) {
        io.err(`tiltfolio: --year takes a four-digit year such as 2021, not "${options.year}".\n`);
        throw new CliFailure(1);
      }
      const parsed = csvExportInput.safeParse({
        kind,
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
        ...(options.year === undefined ? {} : { year: Number(options.year) }),
        formulaGuard: options.formulaGuard,
      });
      if (!parsed.success) {
        io.err(`tiltfolio: ${parsed.error.issues.map((issue) => issue.message).join('; ')}\n`);
        throw new CliFailure(1);
      }
      await withBackend(async (backend) => {
        if (options.out !== undefined) {
          const result = await backend.dispatch('csv:exportFile', { ...parsed.data, path: options.out });
          if (!result.ok) fail(io, result);
          const { rows, path: written } = result.value as { rows: number; path: string };
          io.err(`Exported ${count(rows)} ${countWord(rows, 'row')} to ${written}.\n`);
          return;
        }
        const portfolio = portfolioSource(() => backend.handlers);
        await writeExport(
          parsed.data.kind,
          { exports: backend.store.exports, asOf: parsed.data.asOf ?? null, year: parsed.data.year ?? null, portfolio },
          io.out,
          { formulaGuard: parsed.data.formulaGuard },
        );
      });
    });
}
