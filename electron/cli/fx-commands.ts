import fs from 'node:fs';
import type { Command } from 'commander';
import type { CallOutput } from '../../shared/api/contract';
import { call, CliFailure, table, withBackend, type CliIo, type GlobalOptions } from './session';
import { countWord } from '../../shared/domain/plural';

const FORMAT_NAMES = { ecb: 'ECB reference rates', yahoo: 'Yahoo pair' } as const;

/** `tiltfolio fx import|list`: the exchange-rate cache from the command line. */
export function registerFxCommands(program: Command, io: CliIo): void {
  const globals = () => program.opts<GlobalOptions>();
  const fx = program.command('fx').description('exchange rates: import the ECB file or Yahoo pair files, list pairs');

  fx.command('import')
    .description(
      "import exchange-rate files: the ECB's eurofxref-hist.csv (told by its header) or Yahoo-format files named for their pair (EURUSD=X.csv); all files or none",
    )
    .argument('<files...>', 'CSV files')
    .action(async (files: string[]) => {
      const read = files.map((file) => {
        try {
          return { fileName: file, content: fs.readFileSync(file, 'utf8') };
        } catch (error) {
          throw new CliFailure(
            1,
            `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Nothing was imported.`,
          );
        }
      });
      await withBackend(globals(), async (backend) => {
        const result = await call<CallOutput<'fx:importFiles'>>(backend, 'fx:importFiles', { files: read });
        for (const f of result.files) {
          const skipped =
            f.skipped > 0 ? ` (${f.skipped} ${f.format === 'ecb' ? 'N/A cells' : 'null rows'} skipped)` : '';
          io.out(`${f.fileName}: ${FORMAT_NAMES[f.format]}, ${f.rates} ${countWord(f.rates, 'rate')}${skipped}\n`);
        }
        const pairs = result.pairs.map((p) => `${p.base}/${p.quote}`);
        io.out(
          `${result.rates} ${countWord(result.rates, 'rate')} for ${pairs.length} ${countWord(pairs.length, 'pair')}: ${pairs.join(', ')}\n`,
        );
      });
    });

  fx.command('list')
    .description('each cached pair: first and last day, days with a rate, sources')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      await withBackend(globals(), async (backend) => {
        const pairs = await call<CallOutput<'fx:pairs'>>(backend, 'fx:pairs', {});
        if (options.json) return io.out(JSON.stringify(pairs) + '\n');
        if (pairs.length === 0) {
          return io.out(
            'No exchange rates cached yet: try `tiltfolio fx import eurofxref-hist.csv` or `tiltfolio quotes refresh`.\n',
          );
        }
        io.out(
          table(
            ['PAIR', 'FIRST', 'LAST', 'DAYS', 'SOURCES'],
            pairs.map((p) => [`${p.base}/${p.quote}`, p.firstDay, p.lastDay, String(p.days), p.sources]),
          ),
        );
      });
    });
}
