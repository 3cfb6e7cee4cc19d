import type { Command } from 'commander';
import type { CallOutput } from '../../shared/api/contract';
import { call, withBackend, type CliIo, type GlobalOptions } from './session';

/** `tiltfolio signals [--from DATE] [--to DATE] [--json]`: what changed, dated, from the cache. */
export function registerSignalsCommand(program: Command, io: CliIo): void {
  program
    .command('signals')
    .description('relative-strength crossings, quadrant changes, 52-week highs and lows, drift and overheating')
    .option('--from <date>', 'first day (YYYY-MM-DD; default 30 days before --to)')
    .option('--to <date>', 'last day (YYYY-MM-DD; default the last day valued)')
    .option('--json', 'print one JSON object')
    .action(async (options: { from?: string; to?: string; json?: boolean }) => {
      await withBackend(program.opts<GlobalOptions>(), async (backend) => {
        const { json, ...window } = options;
        const r = await call<CallOutput<'portfolio:signals'>>(backend, 'portfolio:signals', window);
        if (json) {
          io.out(JSON.stringify(r) + '\n');
          return;
        }
        const head = `${r.from} – ${r.to}, against ${r.benchmark}: ${r.signals.length === 0 ? 'no signals' : `${r.signals.length} signal${r.signals.length === 1 ? '' : 's'}`}`;
        io.out([head, ...r.signals.map((s) => `${s.date}  ${s.message}`)].join('\n') + '\n');
      });
    });
}
