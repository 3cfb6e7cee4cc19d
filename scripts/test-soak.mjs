// `npm run test:soak`: the long runs of tests that `npm test` runs at a tenth of their size:
// 20 SIGKILLs during a 1,000,000-row import, 10,000 mutated CSV files, browser mode's backend
// worker answering calls through a 500,000-row upload (the most browser mode takes), and bursts of 4,000 requests while a
// 200,000-row import holds the write lock. CI runs both commands.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const result = spawnSync(
  npx,
  [
    'vitest',
    'run',
    'electron/csv/crash.test.ts',
    'electron/csv/fuzz.test.ts',
    'electron/web/backend-worker.test.ts',
    'electron/web/write-burst.test.ts',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TILTFOLIO_SOAK: '1' },
  },
);
process.exit(result.status ?? 1);
