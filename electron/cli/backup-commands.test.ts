import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function addAccount(dir: string, name: string): Promise<void> {
  const backend = testBackend(dir);
  await backend.dispatch('accounts:create', { name, currency: 'EUR' });
  await backend.backups.opened;
  backend.close();
}

async function accounts(db: string): Promise<number> {
  const info = await run(['--db', db, 'info', '--json']);
  return (JSON.parse(info.out) as { counts: { accounts: number } }).counts.accounts;
}

describe('tiltfolio backup / restore', () => {
  const tempDir = useTempDirs();

  it('backs up, restores a backup, and undoes the restore with the file it names', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'tiltfolio.sqlite');
    await addAccount(dir, 'First');
    const made = await run(['--db', db, 'backup']);
    expect(made.code).toBe(0);
    const file = /Backed up to (.+)\n/.exec(made.out)![1]!;
    expect(path.dirname(file)).toBe(path.join(dir, 'backups'));
    await addAccount(dir, 'Second');
    expect(await accounts(db)).toBe(2);

    const restored = await run(['--db', db, 'restore', file]);
    expect(restored.code).toBe(0);
    expect(await accounts(db)).toBe(1);
    const undo = /To undo: tiltfolio restore (.+)\n/.exec(restored.out)![1]!;
    expect(fs.existsSync(undo)).toBe(true);

    expect((await run(['--db', db, 'restore', undo])).code).toBe(0);
    expect(await accounts(db)).toBe(2);
    const list = await run(['--db', db, 'backup', '--list']);
    expect(list.out).toContain('before-restore');
  });

  it('refuses a damaged file by name and leaves the database as it was', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'tiltfolio.sqlite');
    await addAccount(dir, 'Kept');
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'SQLite format 3\u0000'.padEnd(4096, 'z'));
    const result = await run(['--db', db, 'restore', junk]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${junk} is damaged or is not a Tiltfolio database`);
    expect(await accounts(db)).toBe(1);
  });
});
