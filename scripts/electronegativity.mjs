// Runs Doyensec's electronegativity over the Electron-facing code and fails on any finding (the
// tool itself always exits 0). Deliberate exceptions are inline `eng-disable` comments beside the
// code they excuse, each with its reason, plus the one check excluded below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

// What runs in Electron: main, preload and the page they load. Tests and their Electron double
// are left out (the double constructs windows with whatever options a test needs).
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'tiltfolio-eng-'));
for (const dir of ['electron/main', 'electron/preload']) {
  fs.cpSync(path.join(root, dir), path.join(stage, dir), {
    recursive: true,
    filter: (src) => !src.endsWith('.test.ts'),
  });
}
fs.mkdirSync(path.join(stage, 'renderer'));
fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(stage, 'renderer/index.html'));

const runner = require('@doyensec/electronegativity/dist/runner.js');
const run = runner.default ?? runner;
const quiet = console.log;
console.log = () => {}; // it prints a banner and locale chatter even when used as a library
let result;
try {
  result = await run({
    input: stage,
    isRelative: true,
    customScan: [],
    // AvailableSecurityFixesGlobalCheck downloads Electron's release list; checks must work
    // offline, and the Electron version is pinned in package.json and upgraded deliberately.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  console.log = quiet;
  fs.rmSync(stage, { recursive: true, force: true });
}

const findings = result.issues ?? [];
const errors = result.errors ?? [];
for (const issue of findings) {
  console.error(
    `electronegativity: ${issue.id} ${issue.file}:${issue.location?.line ?? 0} — ${issue.description} (${issue.severity?.name}, ${issue.confidence?.name})`,
  );
}
for (const error of errors)
  console.error(`electronegativity: could not analyse ${error.file}: ${error.message ?? error.error}`);
console.log(`electronegativity: ${findings.length} finding(s), ${errors.length} file(s) not analysed`);
process.exit(findings.length === 0 && errors.length === 0 ? 0 : 1);
