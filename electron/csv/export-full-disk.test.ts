// An export onto a full disk (issue 21, item 3): before, `export --out` exited 0 with nothing said
// and csv:exportFile never answered (it waited for `drain` while the stream had failed). Now the
// call fails with the path and the reason, the .partial is gone and the old file is untouched.
// As root on Linux (CI) the disk is a real 64 KiB tmpfs; otherwise, and always as well, the file
// handle is swapped for one whose writes fail with ENOSPC.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli/program';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

// Files whose path holds this folder name get a handle that fails every write, as a full disk does.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const open = (async (file: fs.PathLike, ...rest: unknown[]) => {
    const handle = await (real.open as (...args: unknown[]) => Promise<FsPromises.FileHandle>)(file, ...rest);
    if (!String(file).includes('simulated-full-disk')) return handle;
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return Object.assign(Object.create(handle) as object, {
      write: async () => Promise.reject(full),
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  }) as typeof real.open;
  return { ...real, default: { ...real, open }, open };
});

const HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note,fx_rate';
/** The seed file is written in the export's format before fx_rate: such files still import. */
const OLD_HEADER = 'date,account,type,symbol,quantity,price,fee,amount,currency,note';
const OLD = 'the export from last week\n';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** A database with `rows` deposits: about 60 bytes each once exported. */
async function seeded(dir: string, rows: number): Promise<string> {
  const db = path.join(dir, 'db.sqlite');
  const csv = path.join(dir, 'seed.csv');
  const lines = [OLD_HEADER];
  for (let i = 0; i < rows; i++) lines.push(`2016-01-04,Brokerage,deposit,,,,,${i + 1},USD,note number ${i}`);
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  const imported = await run(['--db', db, 'tx', 'import', csv]);
  expect(imported.code, imported.err).toBe(0);
  return db;
}

function expectOldFileKept(file: string): void {
  expect(fs.readFileSync(file, 'utf8')).toBe(OLD);
  expect(fs.existsSync(`${file}.partial`)).toBe(false);
}

describe('an export onto a disk whose writes fail (injected)', () => {
  const tempDir = useTempDirs();

  it('fails the CLI with the path and the reason, keeping the old file', async () => {
    const dir = tempDir();
    const db = await seeded(dir, 10);
    const full = path.join(dir, 'simulated-full-disk');
    fs.mkdirSync(full);
    const out = path.join(full, 'out.csv');
    fs.writeFileSync(out, OLD);
    const result = await run(['--db', db, 'export', 'transactions', '--out', out]);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `tiltfolio: Could not write ${out}: the disk is full (ENOSPC). Nothing was exported; the file that was there is unchanged.\n`,
    );
    expectOldFileKept(out);
  });

  it('answers csv:exportFile with an error, and the next export on the same connection works', async () => {
    const dir = tempDir();
    const backend = testBackend(dir, { mode: 'cli', dbPath: ':memory:' });
    try {
      await backend.dispatch('accounts:create', { name: 'Brokerage', currency: 'USD' });
      const full = path.join(dir, 'simulated-full-disk');
      fs.mkdirSync(full);
      const out = path.join(full, 'new.csv');
      const result = await backend.dispatch('csv:exportFile', { kind: 'transactions', path: out });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'internal',
          message: `Could not write ${out}: the disk is full (ENOSPC). Nothing was exported; no file was created.`,
          issues: ['path: not written'],
        },
      });
      expect(fs.readdirSync(full)).toEqual([]);
      // The failed export closed its statement: the one connection is free for the next call.
      const fine = path.join(dir, 'fine.csv');
      expect(await backend.dispatch('csv:exportFile', { kind: 'transactions', path: fine })).toMatchObject({
        ok: true,
      });
      expect(fs.readFileSync(fine, 'utf8')).toBe(`${HEADER}\r\n`);
    } finally {
      backend.close();
    }
  });

  it('names a folder that does not exist', async () => {
    const dir = tempDir();
    const backend = testBackend(dir, { mode: 'cli' });
    try {
      const out = path.join(dir, 'no-such-folder', 'out.csv');
      const result = await backend.dispatch('csv:exportFile', { kind: 'transactions', path: out });
      expect(result).toMatchObject({
        ok: false,
        error: {
          message: `Could not write ${out}: the folder does not exist (ENOENT). Nothing was exported; no file was created.`,
        },
      });
    } finally {
      backend.close();
    }
  });
});

// mount needs root; CI runs as root on Linux. Elsewhere this block is reported as skipped, and the
// injected block above covers the same paths.
const canMount = process.platform === 'linux' && process.getuid?.() === 0;
if (!canMount) console.warn('export-full-disk: not root on Linux, so the real-tmpfs tests are skipped');

describe.skipIf(!canMount)('an export onto a real full disk (64 KiB tmpfs, root only)', () => {
  const tempDir = useTempDirs();
  let disk = '';
  beforeAll(() => {
    disk = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'tiltfolio-full-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { encoding: 'utf8' });
    // As root a failed mount is a broken test machine, not a reason to skip quietly.
    if (mounted.status !== 0) throw new Error(`mount -t tmpfs failed: ${mounted.stderr}`);
  });
  afterAll(() => {
    if (!disk) return;
    spawnSync('umount', [disk]);
    fs.rmSync(disk, { recursive: true, force: true });
  });

  it('fails the CLI non-zero and the API call with ENOSPC; the old file stays whole', async () => {
    const dir = tempDir();
    // 3,000 rows of about 60 bytes: some 180 KB, three times the disk.
    const db = await seeded(dir, 3000);
    const out = path.join(disk, 'transactions.csv');
    fs.writeFileSync(out, OLD);

    const cli = await run(['--db', db, 'export', 'transactions', '--out', out]);
    expect(cli).toMatchObject({ code: 1, out: '' });
    expect(cli.err).toBe(
      `tiltfolio: Could not write ${out}: the disk is full (ENOSPC). Nothing was exported; the file that was there is unchanged.\n`,
    );
    expectOldFileKept(out);

    // A long-lived backend: the call answers (before, it never did) and the disk is left as it was.
    const backend = testBackend(dir, { mode: 'cli', dbPath: db });
    try {
      const result = await backend.dispatch('csv:exportFile', { kind: 'transactions', path: out });
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('(ENOSPC)') } });
      expectOldFileKept(out);
      expect(fs.readdirSync(disk)).toEqual(['transactions.csv']);
      // Room again: the same call succeeds, so the failure was the disk's, not the export's.
      const small = await backend.dispatch('csv:exportFile', { kind: 'transactions', path: out, asOf: '2000-01-01' });
      expect(small).toMatchObject({ ok: true, value: { rows: 0 } });
      expect(fs.readFileSync(out, 'utf8')).toBe(`${HEADER}\r\n`);
    } finally {
      backend.close();
    }
  }, 30_000);
});
