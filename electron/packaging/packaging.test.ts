import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage, type PackageReport } from './verify-package';

// electron-builder's `dir` target, offline: a stand-in Electron folder replaces the download, and
// dependency rebuilding is off (Electron's headers cannot be fetched here either). What the asar
// holds is real; the better-sqlite3 inside is the Node build, which the ABI check must catch.
const root = path.resolve(import.meta.dirname, '..', '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const electronAbi = Number(fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim());
const electronVersion = (
  JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }
).version;

// How Electron's binary carries its fuses (github.com/electron/fuses): a sentinel, the wire's
// version (1), its length, then one byte per fuse, '0' off and '1' on, in this order.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
type Fuses = Record<(typeof FUSE_ORDER)[number], boolean>;
/** Electron's own settings before anything is flipped (its fuses documentation). */
const ELECTRON_DEFAULT_FUSES: Fuses = {
  runAsNode: true,
  enableCookieEncryption: false,
  enableNodeOptionsEnvironmentVariable: true,
  enableNodeCliInspectArguments: true,
  enableEmbeddedAsarIntegrityValidation: false,
  onlyLoadAppFromAsar: false,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: true,
};

function fuseWire(fuses: Fuses): Buffer {
  const states = FUSE_ORDER.map((name) => (fuses[name] ? '1' : '0')).join('');
  return Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSE_ORDER.length]), Buffer.from(states)]);
}

function readFuses(binary: Buffer): Fuses {
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  if (at < FUSE_SENTINEL.length) throw new Error('no fuse wire in the binary');
  expect([binary[at], binary[at + 1]]).toEqual([1, FUSE_ORDER.length]);
  return Object.fromEntries(
    FUSE_ORDER.map((name, i) => {
      const state = String.fromCharCode(binary[at + 2 + i] ?? 0);
      if (state !== '0' && state !== '1') throw new Error(`fuse ${name}: unexpected state ${state}`);
      return [name, state === '1'];
    }),
  ) as Fuses;
}

describe.runIf(process.platform === 'linux')('packaging (electron-builder dir target, offline)', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-pack-'));
  const resources = path.join(work, 'out', 'linux-unpacked', 'resources');
  let report: PackageReport;
  let dist: SpawnSyncReturns<string>;

  beforeAll(() => {
    const standIn = path.join(work, 'electron-dist');
    fs.mkdirSync(path.join(standIn, 'resources'), { recursive: true });
    // A script, with the fuse wire Electron's binary carries at its end (set to Electron's defaults),
    // so electron-builder flips the fuses in it as it would in Electron.
    fs.writeFileSync(
      path.join(standIn, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\necho "stand-in for Electron"\nexit 0\n# '),
        fuseWire(ELECTRON_DEFAULT_FUSES),
        Buffer.from('\n'),
      ]),
      { mode: 0o755 },
    );
    fs.writeFileSync(path.join(standIn, 'version'), `v${electronVersion}`);
    fs.writeFileSync(path.join(standIn, 'LICENSE'), 'stand-in');
    // `npm run dist` as a person types it, with the dir target and the offline stand-ins appended.
    dist = spawnSync(
      process.platform === 'win32' ? 'npm.cmd' : 'npm',
      [
        'run',
        'dist',
        '--',
        '--linux',
        'dir',
        `-c.electronDist=${standIn}`,
        `-c.electronVersion=${electronVersion}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${path.join(work, 'out')}`,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } },
    );
    report = verifyPackage(resources, electronAbi);
  }, 180_000);

  it('packs the built main, preload and renderer into app.asar', () => {
    for (const file of ['/dist/main.cjs', '/dist/preload.cjs', '/dist/renderer/index.html', '/package.json']) {
      expect(report.asarFiles).toContain(file);
    }
    expect(report.problems.filter((p) => p.startsWith('app.asar lacks'))).toEqual([]);
  });

  it('packs no TypeScript sources, tests, C++ sources or dev dependencies', () => {
    expect(report.asarFiles.filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(report.asarFiles.filter((f) => /\.test\.|\/e2e\//.test(f))).toEqual([]);
    expect(report.asarFiles.filter((f) => /\.(cpp|cc|c|h)$/.test(f))).toEqual([]);
    expect(report.asarFiles.filter((f) => /^\/(electron|renderer|shared|scripts)\//.test(f))).toEqual([]);
    expect(report.asarFiles.filter((f) => /^\/node_modules\/(react|vite|zod|electron|typescript)\//.test(f))).toEqual(
      [],
    );
  });

  it('unpacks better-sqlite3’s compiled module from the asar', () => {
    const sqlite = report.nativeModules.find((m) =>
      m.file.endsWith(path.join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
    );
    expect(sqlite).toBeDefined();
    expect(report.problems.filter((p) => p.includes('left inside the asar'))).toEqual([]);
  });

  it('fails a package whose better-sqlite3 was built for Node instead of Electron', () => {
    // npm run dist built the package, inspected it and refused it, naming both ABIs.
    expect(dist.status, dist.stdout + dist.stderr).toBe(1);
    expect(dist.stdout).toMatch(/dist: .*linux-unpacked.*: \d+ files in app\.asar, 1 native module/);
    expect(dist.stderr).toMatch(
      new RegExp(`dist: problem: .*built for module ABI ${process.versions.modules}, Electron needs ${electronAbi}`),
    );
    expect(report.nativeModules.map((m) => m.abi)).toContain(Number(process.versions.modules));
    expect(report.problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`built for module ABI ${process.versions.modules}, Electron needs ${electronAbi}`),
      ),
    );
  });

  it('flips the fuses electron-builder.yml sets in the packaged binary, and only those', () => {
    const unpacked = path.dirname(resources);
    const binary = fs.readFileSync(path.join(unpacked, 'tiltfolio'));
    expect(readFuses(binary)).toEqual({
      ...ELECTRON_DEFAULT_FUSES,
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('passes the same package once the module carries Electron’s ABI', () => {
    const sqlite = report.nativeModules.find((m) => m.file.endsWith('better_sqlite3.node'));
    if (!sqlite) throw new Error('no better_sqlite3.node');
    fs.writeFileSync(
      sqlite.file,
      Buffer.concat([Buffer.alloc(32), Buffer.from(`node_register_module_v${electronAbi}\0`), Buffer.alloc(32)]),
    );
    expect(verifyPackage(resources, electronAbi).problems).toEqual([]);
  });
});
