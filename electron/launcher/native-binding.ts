import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readModuleAbi } from './native-abi';

/**
 * `npm test` needs better-sqlite3 built for Node, `npm start` needs it built for Electron. Rather
 * than rebuilding node_modules back and forth, the Electron build lives in its own folder and
 * main loads it through better-sqlite3's `nativeBinding` option.
 */
export function electronBindingPath(projectDir: string, electronVersion: string): string {
  return path.join(
    projectDir,
    '.native',
    `electron-${electronVersion}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
}

export async function ensureElectronBinding(
  projectDir: string,
  electronVersion: string,
  electronAbi: number,
): Promise<string> {
  const target = electronBindingPath(projectDir, electronVersion);
  if (fs.existsSync(target) && readModuleAbi(target) === electronAbi) return target;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-native-'));
  try {
    const moduleDir = path.join(work, 'node_modules', 'better-sqlite3');
    fs.cpSync(path.join(projectDir, 'node_modules', 'better-sqlite3'), moduleDir, {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
    });
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ name: 'native-build', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }),
    );
    // npm exports nodedir to scripts; left in place, node-gyp would compile against Node's headers.
    for (const key of Object.keys(process.env)) if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: work,
      electronVersion,
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential',
    });
    const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    const abi = readModuleAbi(built);
    if (abi !== electronAbi) {
      throw new Error(
        `better-sqlite3 was built for module ABI ${abi ?? 'unknown'}, but Electron ${electronVersion} needs ${electronAbi}.`,
      );
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
