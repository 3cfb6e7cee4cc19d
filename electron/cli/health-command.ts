import type { Command } from 'commander';
import type { CallOutput } from '../../shared/api/contract';
import { call, withBackend, type CliIo, type GlobalOptions } from './session';

type Report = CallOutput<'health:check'>;

/** Per kind, its count and then each row with what it affects and how to fix it. */
export function healthText(report: Report): string {
  if (report.problems.length === 0) return 'No data problems found.\n';
  const lines: string[] = [];
  for (const { kind, text } of report.summary) {
    lines.push(`${text}:`);
    for (const p of report.problems.filter((problem) => problem.kind === kind)) {
      const accounts = p.accounts.length > 0 ? ` [${p.accounts.join(', ')}]` : '';
      lines.push(`  ${p.symbol ?? '-'}${accounts}: ${p.detail}`, `    affects: ${p.affects}`, `    fix: ${p.fix}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** `tiltfolio health [--json]`: the Data health screen's list (the `health:check` call). */
export function registerHealthCommand(program: Command, io: CliIo): void {
  program
    .command('health')
    .description(
      'what is suspect in the data, per symbol and account: stale prices, gaps, mixed split scales, far-off trade prices, a benchmark that ends early, holdings without prices',
    )
    .option('--json', 'print the report as one JSON object (README: "tiltfolio health --json")')
    .action(async (options: { json?: boolean }) => {
      await withBackend(program.opts<GlobalOptions>(), async (backend) => {
        const report = await call<Report>(backend, 'health:check', {});
        io.out(options.json ? JSON.stringify(report) + '\n' : healthText(report));
      });
    });
}
