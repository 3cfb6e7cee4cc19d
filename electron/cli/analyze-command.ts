import type { Command } from 'commander';
import type { CallOutput } from '../../shared/api/contract';
import { call, withBackend, type CliIo, type GlobalOptions } from './session';

function whole(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new Error(`${name} takes a whole number (got ${JSON.stringify(value)}).`);
    return Number(value);
  };
}

const pct = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} %`;

/** `tiltfolio analyze SYMBOL --to DATE …`: the engine's per-series figures, for people and scripts. */
export function registerAnalyzeCommand(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .description('change, new highs, lowest low, max drawdown and best window of a symbol’s closes')
    .argument('<symbol>', 'a symbol in the quote cache')
    .requiredOption('--to <date>', 'the day to analyse (YYYY-MM-DD; a non-trading day uses the close before it)')
    .option('--from <date>', 'report the change from this day’s close to --to')
    .option('--vs <symbol>', 'compare the change with this symbol’s')
    .option(
      '--lookback-days <n>',
      'calendar days ending on --to for low, drawdown and best window (default 365)',
      whole('--lookback-days'),
    )
    .option('--window <k>', 'trading days for the best window (default 5)', whole('--window'))
    .option('--json', 'print one JSON object')
    .action(
      async (
        symbol: string,
        options: { to: string; from?: string; vs?: string; lookbackDays?: number; window?: number; json?: boolean },
      ) => {
        await withBackend(program.opts<GlobalOptions>(), async (backend) => {
          const { json, ...rest } = options;
          const result = await call<CallOutput<'analyze:symbol'>>(backend, 'analyze:symbol', {
            symbol: symbol.toUpperCase(),
            ...rest,
          });
          if (json) {
            io.out(JSON.stringify(result) + '\n');
            return;
          }
          const lines = [`${result.symbol} closed at ${result.close} on ${result.to}`];
          if (result.change) {
            lines.push(`change since ${result.change.from}: ${pct(result.change.pct)}`);
            const c = result.change;
            if (c.benchmark !== undefined && c.benchmark_pct !== undefined && c.relative_pct !== undefined) {
              if (c.benchmark_ends_early || c.benchmark_starts_late) {
                const why = c.benchmark_ends_early
                  ? `closes end on ${c.compared_to}`
                  : `closes start on ${c.compared_from}`;
                lines.push(
                  `${c.benchmark}'s ${why}: compared over ${c.compared_from} – ${c.compared_to} only: ${result.symbol} ${pct(c.compared_pct ?? 0)}, ${c.benchmark} ${pct(c.benchmark_pct)}; relative: ${pct(c.relative_pct)}`,
                );
              } else {
                lines.push(
                  `${c.benchmark} over the same days: ${pct(c.benchmark_pct)}; relative: ${pct(c.relative_pct)}`,
                );
              }
            }
          }
          const prev = result.high.previous_high;
          lines.push(
            result.high.is_new_high
              ? `a new high${prev ? ` (previous: ${prev.close} on ${prev.date})` : ''}`
              : `below its high of ${prev?.close} on ${prev?.date}`,
          );
          lines.push(
            `lowest close in the lookback: ${result.low.close} on ${result.low.date}, now ${pct(result.low.above_pct)} above it`,
          );
          const dd = result.max_drawdown;
          lines.push(
            `max drawdown: ${pct(dd.pct)} from ${dd.peak.close} (${dd.peak.date}) to ${dd.trough.close} (${dd.trough.date})`,
          );
          if (result.best_window) {
            const w = result.best_window;
            lines.push(`best ${w.days}-day window: ${pct(w.pct)} from ${w.start} to ${w.end}`);
          }
          io.out(lines.join('\n') + '\n');
        });
      },
    );
}
