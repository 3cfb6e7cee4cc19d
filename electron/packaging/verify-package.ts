import fs from 'node:fs';
import path from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { readModuleAbi } from '../launcher/native-abi';

export interface PackageReport {
  asarFiles: string[];
  nativeModules: { file: string; abi: number | null }[];
  problems: string[];
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const REQUIRED = [
  '/dist/main.cjs',
  '/dist/preload.cjs',
  '/dist/backend.cjs',
  '/dist/renderer/index.html',
  '/package.json',
];
const DEV_ONLY = [
  'react',
  'react-dom',
  'vite',
  'vitest',
  'typescript',
  'electron',
  'zod',
  '@playwright/test',
  'eslint',
];

/**
 * Inspects an unpacked app (electron-builder's `dir` output, or the folder inside an installer):
 * what went into app.asar, and which ABI each unpacked native module was compiled for.
 */
export function verifyPackage(resourcesDir: string, expectedAbi: number): PackageReport {
  const asar = path.join(resourcesDir, 'app.asar');
  const problems: string[] = [];
  if (!fs.existsSync(asar)) return { asarFiles: [], nativeModules: [], problems: [`no app.asar in ${resourcesDir}`] };
  const asarFiles = listPackage(asar, { isPack: false }).map((file) => file.split(path.sep).join('/'));
  const inAsar = new Set(asarFiles);

  for (const file of REQUIRED) if (!inAsar.has(file)) problems.push(`app.asar lacks ${file}`);
  if (!asarFiles.some((file) => /^\/dist\/renderer\/assets\/.+\.js$/.test(file)))
    problems.push('app.asar lacks the renderer bundle');
  for (const file of asarFiles) {
    if (/\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts')) problems.push(`source file packed: ${file}`);
    if (/\.test\.|\/e2e\/|\/(test|tests|__tests__)\//.test(file)) problems.push(`test file packed: ${file}`);
  }
  for (const name of DEV_ONLY) {
    if (inAsar.has(`/node_modules/${name}`)) problems.push(`dev dependency packed: ${name}`);
  }

  const unpacked = walk(path.join(resourcesDir, 'app.asar.unpacked'));
  const nativeModules = unpacked
    .filter((file) => file.endsWith('.node'))
    .map((file) => ({ file, abi: readModuleAbi(file) }));
  if (
    !nativeModules.some((m) => m.file.endsWith(path.join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node')))
  ) {
    problems.push('better_sqlite3.node is not unpacked from the asar');
  }
  for (const native of nativeModules) {
    if (native.abi !== expectedAbi) {
      problems.push(
        `${path.relative(resourcesDir, native.file)} is built for module ABI ${native.abi ?? 'unknown'}, Electron needs ${expectedAbi}`,
      );
    }
  }
  for (const file of asarFiles) {
    // The asar header lists unpacked files too, flagged as such; only a packed .node cannot load.
    if (file.endsWith('.node') && !(statFile(asar, file.slice(1)) as { unpacked?: boolean }).unpacked) {
      problems.push(`native module left inside the asar: ${file}`);
    }
  }
  return { asarFiles, nativeModules, problems };
}
