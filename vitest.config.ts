import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __TILTFOLIO_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 and child processes: forks keep native handles out of worker threads.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
