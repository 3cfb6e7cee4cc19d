import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

// An export goes to FILE.partial and is renamed over FILE: over a device that would replace the
// device itself (as root, `--out /dev/null` left a regular file there). Such a target is refused.
// A named pipe of the test's own stands for the device, so a regression cannot harm the machine.
describe('an export to something that is not a regular file', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  afterEach(() => backend.close());

  it.each(['a named pipe', 'a folder'])('refuses %s and leaves it as it was', async (target) => {
    const dir = tempDir();
    backend = testBackend(dir, { mode: 'cli' });
    const file = path.join(dir, 'out');
    if (target === 'a folder') fs.mkdirSync(file);
    else expect(spawnSync('mkfifo', [file]).status).toBe(0);
    const before = fs.statSync(file);
    const result = await backend.dispatch('csv:exportFile', { kind: 'transactions', path: file });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^Could not write .+: it is not a regular file/) },
    });
    const after = fs.statSync(file);
    expect([after.isFIFO(), after.isDirectory(), after.ino]).toEqual([
      before.isFIFO(),
      before.isDirectory(),
      before.ino,
    ]);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it('still replaces a regular file', async () => {
    const dir = tempDir();
    backend = testBackend(dir, { mode: 'cli' });
    const file = path.join(dir, 'old.csv');
    fs.writeFileSync(file, 'old');
    const result = await backend.dispatch('csv:exportFile', { kind: 'transactions', path: file });
    expect(result.ok).toBe(true);
    expect(fs.readFileSync(file, 'utf8').startsWith('date,account,type')).toBe(true);
  });
});
