import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { CallOutput, EventPayload } from '../../shared/api/contract';
import { deleteQuotesInput, refreshInput } from '../../shared/api/quotes-schemas';
import { appSettings } from '../../shared/api/settings-schemas';
import { call, CliFailure, table, withBackend, type CliIo, type GlobalOptions } from './session';
import { countWord } from '../../shared/domain/plural';

/** `SPY`, or `AAPL (2553), JPM (2553)` for an export holding several symbols. */
function importedSymbols(result: CallOutput<'quotes:importFile'>): string {
  if (result.symbols.length === 1) return result.symbols[0]!.symbol;
  return result.symbols.map((s) => `${s.symbol} (${s.bars})`).join(', ');
}

/** `tiltfolio quotes import|refresh|list|delete`: the quote cache from the command line. */
export function registerQuoteCommands(program: Command, io: CliIo): void {
  const globals = () => program.opts<GlobalOptions>();
  const quotes = program.command('quotes').description('the quote cache: import files, refresh from a provider, list');

  quotes
    .command('import')
    .description(
      'import quotes CSV files: `tiltfolio export quotes` files, or Yahoo-style ones (Date,Open,High,Low,Close,Adj Close,Volume); each file all or nothing',
    )
    .argument(
      '<files...>',
      'CSV files; without a symbol column, the symbol is the file name without extension, upper-cased',
    )
    .option('--symbol <symbol>', 'the symbol for the prices (one file only)')
    .option(
      '--rescale-older',
      'when a file sits on another split scale than the cached bars (refused otherwise), bring the older bars onto the newer scale first',
    )
    .action(async (files: string[], options: { symbol?: string; rescaleOlder?: boolean }) => {
      if (options.symbol !== undefined && files.length > 1) {
        throw new CliFailure(2, '--symbol names the prices of one file; import the files one at a time.');
      }
      await withBackend(globals(), async (backend) => {
        let failures = 0;
        for (const file of files) {
          try {
            let content: string;
            try {
              content = fs.readFileSync(file, 'utf8');
            } catch (error) {
              throw new Error(
                `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
              );
            }
            const input = {
              fileName: file,
              content,
              ...(options.symbol === undefined ? {} : { symbol: options.symbol }),
              ...(options.rescaleOlder ? { rescaleOlder: true } : {}),
            };
            const result = await call<CallOutput<'quotes:importFile'>>(backend, 'quotes:importFile', input);
            const note = result.note ? ` (${result.note})` : '';
            io.out(`${file}: ${result.bars} ${countWord(result.bars, 'bar')} for ${importedSymbols(result)}${note}\n`);
          } catch (error) {
            failures++;
            io.err(`tiltfolio: ${(error as Error).message}\n`);
          }
        }
        if (failures > 0) throw new CliFailure(1);
      });
    });

  quotes
    .command('refresh')
    .description('fetch new daily bars for the named symbols (default: every instrument and cached symbol)')
    .argument('[symbols...]', 'tickers, Yahoo style: SPY, BRK-B, ^GSPC')
    .addOption(
      new Option('--provider <name>', 'provider for this run (default: the saved setting)').choices(['yahoo', 'stooq']),
    )
    .option('--base-url <url>', "the provider's address for this run, e.g. a local test server")
    .option(
      '--rescale-older',
      'when an answer sits on another split scale than the cached bars (refused otherwise), bring the older bars onto the newer scale first',
    )
    .action(
      async (
        symbols: string[],
        options: { provider?: 'yahoo' | 'stooq'; baseUrl?: string; rescaleOlder?: boolean },
      ) => {
        const parsed = refreshInput.safeParse({ symbols });
        if (!parsed.success) throw new CliFailure(2, parsed.error.issues.map((issue) => issue.message).join('; '));
        if (options.baseUrl !== undefined) {
          const url = appSettings.shape.yahooBaseUrl.safeParse(options.baseUrl);
          if (!url.success) throw new CliFailure(2, `--base-url: ${url.error.issues[0]?.message}`);
        }
        await withBackend(globals(), async (backend) => {
          const lines = (name: string, payload: EventPayload<'quotes:progress'>) => {
            if (name !== 'quotes:progress' || !payload.symbol || payload.state === 'running') return;
            const status = payload.state === 'done' ? 'ok' : payload.state;
            io.out(`${payload.symbol.padEnd(10)} ${status.padEnd(9)} ${payload.message ?? ''}\n`);
          };
          const unsubscribe = backend.events.subscribe((name, payload) =>
            lines(name, payload as EventPayload<'quotes:progress'>),
          );
          const { started, done } = backend.quotes.startRefresh({
            symbols: parsed.data.symbols,
            provider: options.provider,
            baseUrl: options.baseUrl,
            rescaleOlder: options.rescaleOlder,
          });
          const cancel = () => backend.quotes.cancel(started.jobId);
          process.once('SIGINT', cancel);
          try {
            const summary = await done;
            io.out(`${summary.message}\n`);
            if (summary.state !== 'done' || summary.failed > 0) throw new CliFailure(1);
          } finally {
            process.removeListener('SIGINT', cancel);
            unsubscribe();
          }
        });
      },
    );

  quotes
    .command('list')
    .description('each cached symbol: first and last day, bars, source and when it was fetched')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      await withBackend(globals(), async (backend) => {
        const series = await backend.handlers['quotes:list']({});
        if (options.json) {
          io.out(JSON.stringify(series) + '\n');
          return;
        }
        if (series.length === 0) {
          io.out('No quotes cached yet: try `tiltfolio quotes import FILE` or `tiltfolio quotes refresh SYMBOL`.\n');
          return;
        }
        io.out(
          table(
            ['SYMBOL', 'FIRST', 'LAST', 'BARS', 'SOURCE', 'FETCHED'],
            series.map((s) => [s.symbol, s.firstDay, s.lastDay, String(s.bars), s.source, s.fetchedAt]),
          ),
        );
      });
    });

  quotes
    .command('delete')
    .description("delete a symbol's cached bars, every source: all of them, or the days from --from to --to")
    .argument('<symbol>', 'the ticker, e.g. SPY')
    .option('--from <date>', 'YYYY-MM-DD: the first day to delete (default: the first bar)')
    .option('--to <date>', 'YYYY-MM-DD: the last day to delete (default: the last bar)')
    .action(async (symbol: string, options: { from?: string; to?: string }) => {
      const parsed = deleteQuotesInput.safeParse({ symbol, ...options });
      if (!parsed.success) {
        throw new CliFailure(
          2,
          parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '),
        );
      }
      await withBackend(globals(), async (backend) => {
        const result = await call<CallOutput<'quotes:delete'>>(backend, 'quotes:delete', parsed.data);
        io.out(
          result.deleted === 0
            ? `No bars of ${result.symbol} to delete.\n`
            : `Deleted ${result.deleted} bar${result.deleted === 1 ? '' : 's'} of ${result.symbol} from ${result.firstDay} to ${result.lastDay}.\n`,
        );
      });
    });
}
