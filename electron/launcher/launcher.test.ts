import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { findElectronBinary, obtainElectronBinary } from './electron-binary';
import { readModuleAbi } from './native-abi';
import { electronBindingPath } from './native-binding';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

describe('finding Electron', () => {
  const tempDir = useTempDirs();

  it('reports a missing binary with its version and never downloads when a dist override is set', () => {
    const empty = tempDir();
    const env = { ELECTRON_OVERRIDE_DIST_PATH: empty };
    const found = obtainElectronBinary(electronDir, env);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toContain(path.join(empty, 'electron'));
  });

  it('finds a binary placed in the override folder and reads the ABI Electron needs', () => {
    const dist = tempDir();
    fs.writeFileSync(path.join(dist, 'electron'), '');
    const found = findElectronBinary(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: dist }, 'linux');
    const expected = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string };
    expect(found).toEqual({
      ok: true,
      binary: path.join(dist, 'electron'),
      version: expected.version,
      abi: Number(fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8')),
    });
  });

  it('keeps the Electron build of better-sqlite3 apart from the Node build', () => {
    const target = electronBindingPath('/project', '45.5.0');
    expect(target).toBe(
      path.join('/project', '.native', `electron-45.5.0-${process.platform}-${process.arch}`, 'better_sqlite3.node'),
    );
    expect(target).not.toContain('node_modules');
  });
});

describe('readModuleAbi', () => {
  const tempDir = useTempDirs();

  it("reads the ABI the installed better-sqlite3 was compiled for: this Node's", () => {
    const binary = path.join(
      path.dirname(require.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    expect(readModuleAbi(binary)).toBe(Number(process.versions.modules));
  });

  it('tells an Electron build from a Node build', () => {
    const fake = path.join(tempDir(), 'fake.node');
    fs.writeFileSync(
      fake,
      Buffer.concat([Buffer.alloc(64), Buffer.from('node_register_module_v150\0'), Buffer.alloc(64)]),
    );
    expect(readModuleAbi(fake)).toBe(150);
    fs.writeFileSync(fake, Buffer.alloc(256));
    expect(readModuleAbi(fake)).toBeNull();
  });
});
