import type { Command } from 'commander';
import type { CallOutput } from '../../shared/api/contract';
import { call, withBackend, type CliIo, type GlobalOptions } from './session';

const pct = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)} %`;
const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** `tiltfolio attribution --from DATE --to DATE`: what the tilt did, sleeve by sleeve, and its risk. */
export function registerAttributionCommand(program: Command, io: CliIo): void {
  program
    .command('attribution')
    .description('Brinson–Fachler attribution by sleeve against the blended benchmark, with risk figures')
    .option('--from <date>', 'start of the window (YYYY-MM-DD; default 91 days before --to)')
    .option('--to <date>', 'end of the window (YYYY-MM-DD; default the last day valued)')
    .option('--json', 'print one JSON object')
    .action(async (options: { from?: string; to?: string; json?: boolean }) => {
      await withBackend(program.opts<GlobalOptions>(), async (backend) => {
        const { json, ...window } = options;
        const r = await call<CallOutput<'portfolio:attribution'>>(backend, 'portfolio:attribution', window);
        if (json) {
          io.out(JSON.stringify(r) + '\n');
          return;
        }
        const lines = [
          `${r.from} – ${r.to}: portfolio ${pct(r.portfolio_pct)}, blended benchmark ${pct(r.benchmark_pct)}, active ${pct(r.active_pct)}`,
          'sleeve            index   weight  bench.  allocation  selection  interaction',
          ...r.sleeves.map((s) =>
            [
              s.label.padEnd(16),
              s.index.padEnd(6),
              `${s.portfolio_weight_pct.toFixed(2)}%`.padStart(7),
              `${s.benchmark_weight_pct.toFixed(2)}%`.padStart(7),
              pct(s.allocation_pct).padStart(11),
              pct(s.selection_pct).padStart(10),
              pct(s.interaction_pct).padStart(12),
            ].join('  '),
          ),
        ];
        if (r.target_blend_pct !== null) lines.push(`your target blend of the indexes: ${pct(r.target_blend_pct)}`);
        const k = r.risk;
        if (k !== null)
          lines.push(
            `risk over ${k.days} days: volatility ${k.volatility_pct.toFixed(2)} %, max drawdown ${pct(k.max_drawdown_pct)}, Sharpe ${ratio(k.sharpe)}, beta ${ratio(k.beta)}, alpha ${k.alpha_pct === null ? '—' : pct(k.alpha_pct)} a year, tracking error ${k.tracking_error_pct.toFixed(2)} %, information ratio ${ratio(k.information_ratio)}`,
          );
        io.out(lines.join('\n') + '\n');
      });
    });
}
