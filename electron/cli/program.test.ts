import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { runCli } from './program';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('tiltfolio CLI', () => {
  const tempDir = useTempDirs();

  it('prints its version', async () => {
    const result = await run(['--version']);
    expect(result.code).toBe(0);
    expect(result.out.trim()).toBe(__TILTFOLIO_VERSION__);
  });

  it('describes the database named by --db, creating it at the latest schema', async () => {
    const db = path.join(tempDir(), 'my.sqlite');
    const result = await run(['--db', db, 'info', '--json']);
    expect(result.code).toBe(0);
    const info = JSON.parse(result.out) as { dbPath: string; schemaVersion: number; counts: Record<string, number> };
    expect(info.dbPath).toBe(db);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.counts).toMatchObject({ accounts: 0, transactions: 0 });
    const text = await run(['--db', db, 'info']);
    expect(text.out).toContain(`database:        ${db}`);
  });

  it('fails with a clear message and a non-zero code on an unknown command', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).not.toBe(0);
    expect(result.err).toMatch(/unknown command 'frobnicate'/);
  });
});
