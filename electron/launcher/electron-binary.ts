import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type ElectronLookup = { ok: true; binary: string; version: string; abi: number } | { ok: false; reason: string };

function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function describe(electronDir: string) {
  const pkg = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string };
  const abi = Number(fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim());
  return { version: pkg.version, abi };
}

/** Where the Electron binary is, without downloading anything. */
export function findElectronBinary(
  electronDir: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): ElectronLookup {
  if (!fs.existsSync(path.join(electronDir, 'package.json')))
    return { ok: false, reason: 'the electron package is not installed' };
  const { version, abi } = describe(electronDir);
  const exe = platformExecutable(platform);
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, exe)
    : path.join(electronDir, 'dist', exe);
  return fs.existsSync(binary)
    ? { ok: true, binary, version, abi }
    : { ok: false, reason: `no Electron ${version} binary at ${binary}` };
}

/**
 * Electron 45 fetches its binary on first use rather than at install. Try that once, quietly,
 * and report the first line of what went wrong.
 */
export function obtainElectronBinary(electronDir: string, env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  const found = findElectronBinary(electronDir, env);
  if (found.ok || env.ELECTRON_OVERRIDE_DIST_PATH) return found;
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    env,
  });
  const again = findElectronBinary(electronDir, env);
  if (again.ok) return again;
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const firstError = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/i.test(line));
  return {
    ok: false,
    reason: `its download failed (${firstError ?? (result.error?.message || `exit ${result.status}`)})`,
  };
}
