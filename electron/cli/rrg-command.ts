import type { Command } from 'commander';
import type { CallOutput } from '../../shared/api/contract';
import { quadrantOf } from '../../shared/engine/relative-rotation';
import { QUADRANT_LABELS } from '../../shared/view/verdicts';
import { call, table, withBackend, type CliIo, type GlobalOptions } from './session';

function weeks(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 52)
    throw new Error(`--weeks takes a whole number from 1 to 52 (got ${JSON.stringify(value)}).`);
  return Number(value);
}

/** The contract's answer in the JSON names: tail oldest first, each week's last trading day. */
function toJson(benchmark: string, to: string, result: CallOutput<'rotation:rrg'>) {
  return {
    benchmark,
    to,
    members: result.members.map((m) => ({
      symbol: m.key,
      tail: m.tail.map((p) => ({
        date: p.day,
        rs_ratio: p.ratio,
        rs_momentum: p.momentum,
        quadrant: quadrantOf(p.ratio, p.momentum),
      })),
    })),
  };
}

/** `tiltfolio rrg SYMBOL… --vs SYMBOL --to DATE`: the relative rotation graph's numbers (docs/engine.md). */
export function registerRrgCommand(program: Command, io: CliIo): void {
  program
    .command('rrg')
    .description('weekly RS-Ratio and RS-Momentum of symbols against a benchmark (the relative rotation graph)')
    .argument('<symbols...>', 'symbols in the quote cache')
    .requiredOption('--vs <symbol>', 'the benchmark')
    .requiredOption('--to <date>', 'the last day (YYYY-MM-DD); its week is the tail’s last point')
    .option('--weeks <n>', 'weeks in each tail (default 8)', weeks)
    .option('--json', 'print one JSON object')
    .action(async (symbols: string[], options: { vs: string; to: string; weeks?: number; json?: boolean }) => {
      await withBackend(program.opts<GlobalOptions>(), async (backend) => {
        const benchmark = options.vs.toUpperCase();
        const result = await call<CallOutput<'rotation:rrg'>>(backend, 'rotation:rrg', {
          benchmark: { kind: 'symbol', symbol: benchmark },
          members: symbols.map((s) => ({ kind: 'symbol', symbol: s.toUpperCase() })),
          tail: options.weeks ?? 8,
          to: options.to,
          // Symbols as such, over their whole history, whatever the portfolio held.
          heldOnly: false,
        });
        if (result.missing.length > 0)
          throw new Error(
            `no prices in the quote cache for ${result.missing.join(', ')} (import or refresh them first).`,
          );
        const json = toJson(benchmark, options.to, result);
        if (options.json) {
          io.out(JSON.stringify(json) + '\n');
          return;
        }
        const rows = json.members.flatMap((m) =>
          m.tail.map((p) => [
            m.symbol,
            p.date,
            p.rs_ratio.toFixed(2),
            p.rs_momentum.toFixed(2),
            QUADRANT_LABELS[p.quadrant],
          ]),
        );
        io.out(`Against ${benchmark}, weeks to ${options.to}:\n`);
        io.out(table(['Symbol', 'Week ending', 'RS-Ratio', 'RS-Momentum', 'Quadrant'], rows));
      });
    });
}
