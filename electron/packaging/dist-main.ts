// `npm run dist`: electron-builder for this platform, then an inspection of what it produced.
// A better-sqlite3 built against Node's headers instead of Electron's fails the build here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { verifyPackage } from './verify-package';

const root = process.cwd();
const electronDir = path.join(root, 'node_modules', 'electron');
const expectedAbi = Number(fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim());
const builder = path.join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
);

const env = { ...process.env };
// npm hands scripts its nodedir; node-gyp would then build "for Electron" against Node's headers.
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

const args = process.argv.slice(2);
const result = spawnSync(builder, ['--publish', 'never', ...args], { stdio: 'inherit', env });
if (result.status !== 0) process.exit(result.status ?? 1);

// electron-builder.yml writes to release/; `-c.directories.output=DIR` moves it, and what is
// inspected must follow.
const outputArg = args.findLast((arg) => arg.startsWith('-c.directories.output='));
const release = path.resolve(root, outputArg?.slice('-c.directories.output='.length) ?? 'release');
const candidates = ['linux-unpacked', 'win-unpacked', 'mac/Tiltfolio.app/Contents', 'mac-arm64/Tiltfolio.app/Contents']
  .map((dir) => path.join(release, dir, 'resources'))
  .concat([
    path.join(release, 'mac/Tiltfolio.app/Contents/Resources'),
    path.join(release, 'mac-arm64/Tiltfolio.app/Contents/Resources'),
  ])
  .filter((dir) => fs.existsSync(path.join(dir, 'app.asar')));
if (candidates.length === 0) {
  console.error('dist: no unpacked app found under release/ to inspect');
  process.exit(1);
}
let failed = false;
for (const dir of candidates) {
  const report = verifyPackage(dir, expectedAbi);
  console.log(
    `dist: ${path.relative(root, dir)}: ${report.asarFiles.length} files in app.asar, ${report.nativeModules.length} native module(s)`,
  );
  for (const problem of report.problems) console.error(`dist: problem: ${problem}`);
  failed ||= report.problems.length > 0;
}
process.exit(failed ? 1 : 0);
