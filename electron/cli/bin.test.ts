import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';

// The CLI as the README types it: `npx tiltfolio …` in the project, through the declared bin and
// the bundle `npm install` built, not `runCli` called in-process (program.test.ts does that).
const root = path.resolve(import.meta.dirname, '..', '..');
const jpm = path.resolve(root, '..', 'shared', 'data', 'quotes', 'JPM.csv');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function tiltfolio(...args: string[]) {
  const run = spawnSync(npx, ['tiltfolio', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

// Each npx start takes seconds on a loaded machine, and one test starts three: the spawns'
// own 60 s timeouts decide, not the suite's 20 s default.
describe('npx tiltfolio (the installed bin)', { timeout: 200_000 }, () => {
  const tempDir = useTempDirs();

  it('prints the version from package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const run = tiltfolio('--version');
    expect(run.code, run.err).toBe(0);
    expect(run.out.trim()).toBe(pkg.version);
  });

  it('imports a real Yahoo file and lists what it holds', () => {
    const db = path.join(tempDir(), 'bin.sqlite');
    const imported = tiltfolio('--db', db, 'quotes', 'import', jpm);
    expect(imported.code, imported.err).toBe(0);

    // Counted here from the file itself: every data row whose close is a number.
    const rows = fs.readFileSync(jpm, 'utf8').trim().split('\n').slice(1);
    const priced = rows.filter((row) => Number.isFinite(Number(row.split(',')[4])));
    const listed = tiltfolio('--db', db, 'quotes', 'list', '--json');
    expect(listed.code, listed.err).toBe(0);
    const [entry] = JSON.parse(listed.out) as { symbol: string; firstDay: string; lastDay: string; bars: number }[];
    expect(entry).toMatchObject({
      symbol: 'JPM',
      bars: priced.length,
      firstDay: priced[0]?.slice(0, 10),
      lastDay: priced.at(-1)?.slice(0, 10),
    });
  });

  it('tells a Portfolio Performance file from its header when --preset is left out', () => {
    const db = path.join(tempDir(), 'bin.sqlite');
    const file = path.join(root, 'electron', 'csv', 'test-fixtures', 'portfolio-performance', 'account-0.86-fr.csv');
    const run = tiltfolio('--db', db, 'tx', 'import', file, '--account', 'Compte');
    expect(run.code, run.err).toBe(0);
    // Counted here from the file: every line after the header is a transaction.
    const rows = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/).length - 1;
    expect(run.out).toBe(
      'account-0.86-fr.csv: preset portfolio-performance-fr, detected from its header (--preset NAME chooses another).\n' +
        `Imported ${rows} of ${rows} rows from account-0.86-fr.csv (0 duplicates skipped; new accounts: Compte).\n`,
    );
  });

  it('fails an unknown command on stderr with a non-zero exit code', () => {
    const run = tiltfolio('frobnicate');
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/unknown command 'frobnicate'/);
    expect(run.out).toBe('');
  });

  // /dev/full answers every write with ENOSPC: `tiltfolio export … > FILE` on a full disk.
  it.skipIf(process.platform !== 'linux')('reports a full disk behind stdout, without a stack trace', () => {
    const dir = tempDir();
    const db = path.join(dir, 'full.sqlite');
    const csv = path.join(dir, 'rows.csv');
    const lines = ['date,account,type,symbol,quantity,price,fee,amount,currency,note'];
    for (let i = 1; i <= 3000; i++) lines.push(`2016-01-04,Brokerage,deposit,,,,,${i},USD,row ${i}`);
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);
    expect(tiltfolio('--db', db, 'tx', 'import', csv).code).toBe(0);
    for (const kind of ['transactions', 'holdings']) {
      const full = fs.openSync('/dev/full', 'w');
      try {
        const run = spawnSync(npx, ['tiltfolio', '--db', db, 'export', kind], {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
          stdio: ['ignore', full, 'pipe'],
        });
        expect(run.status, kind).toBe(1);
        expect(run.stderr).toBe('tiltfolio: could not write to standard output: the disk is full (ENOSPC)\n');
      } finally {
        fs.closeSync(full);
      }
    }
  });
});
