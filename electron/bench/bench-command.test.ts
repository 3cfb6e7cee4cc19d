import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run bench` as the README types it (two quick cases of it): the command must run and print
// one JSON figure per line. The figures themselves are never asserted: this machine is noisy.
const root = path.resolve(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function bench(...names: string[]) {
  return spawnSync(npm, ['run', '--silent', 'bench', '--', ...names], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run bench', () => {
  it('prints one {"bench", "value", "unit"} object per line for the cases asked', () => {
    const run = bench('engine.rotation', 'api.http_call');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const figures = lines.map((line) => JSON.parse(line) as { bench: string; value: number; unit: string });
    expect(figures.map((f) => f.bench)).toEqual(['api.http_call', 'engine.rotation']);
    for (const figure of figures) {
      expect(figure.value).toBeGreaterThan(0);
      expect(Number.isFinite(figure.value)).toBe(true);
      expect(figure.unit).toMatch(/^\S+$/);
    }
  });

  it('refuses a case name that matches no benchmark instead of printing nothing', () => {
    const run = bench('engine.nonesuch');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no benchmark named engine\.nonesuch; there are .*engine\.recompute/);
    expect(run.stdout).toBe('');
  });

  it('knows every app.* case of issue 20 by name (without running the app benchmark)', () => {
    const run = bench('app.nonesuch');
    expect(run.status).toBe(2);
    const known = /there are (.*)$/m.exec(run.stderr)?.[1]?.split(', ') ?? [];
    for (const name of [
      'app.dashboard_ready',
      'app.rotation_ready',
      'app.transactions_ready',
      'app.holdings_ready',
      'app.scroll_frame_p95',
      'app.search',
      'app.server_rss_mb',
    ]) {
      expect(known).toContain(name);
    }
    expect(run.stdout).toBe('');
  });
});
