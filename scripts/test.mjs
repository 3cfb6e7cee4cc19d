// `npm test`: build, then the check (format, lint, typecheck, unit tests), then the e2e suite in
// Chromium, ending with one plain summary line of every test that ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const started = Date.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
fs.mkdirSync(out, { recursive: true });
const vitestJson = path.join(out, 'vitest.json');
const playwrightJson = path.join(out, 'playwright.json');
for (const file of [vitestJson, playwrightJson]) fs.rmSync(file, { force: true });

function step(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const node = process.execPath;
let ok = step('build', node, ['scripts/build.mjs']);
ok = ok && step('format', npx, ['prettier', '--check', '.', '--log-level', 'warn']);
ok = ok && step('lint', npx, ['eslint', '.', '--max-warnings', '0']);
ok = ok && step('typecheck', npx, ['tsc', '-b']);
ok = ok && step('Electron security scan (electronegativity)', node, ['scripts/electronegativity.mjs']);
const unitOk =
  ok &&
  step('unit tests', npx, [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
const e2eOk =
  ok &&
  step('end-to-end tests (browser mode, Chromium)', npx, ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (fs.existsSync(playwrightJson)) {
  const report = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
  const stats = report.stats;
  // A skipped e2e test is one that could not run on this machine (the Electron journey without an
  // Electron binary): say so loudly, with the reason, instead of letting it pass unnoticed.
  const walk = (suite) => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(walk)];
  for (const spec of report.suites.flatMap(walk)) {
    for (const t of spec.tests) {
      if (t.status !== 'skipped') continue;
      const reason = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'skipped';
      console.log(`\n!!! NOT RUN: ${spec.title}\n!!! ${reason}`);
    }
  }
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
const allOk = ok && unitOk && e2eOk && failed === 0;
if (!allOk && failed === 0) failed = 1; // a step that failed before or outside any test still fails the run
console.log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(allOk ? 0 : 1);
