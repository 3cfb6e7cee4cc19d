import path from 'node:path';
import { createBackend, type Backend } from '../backend/backend';

export function testBackend(dataDir: string, overrides: Partial<Parameters<typeof createBackend>[0]> = {}): Backend {
  return createBackend({
    dataDir,
    dbPath: path.join(dataDir, 'tiltfolio.sqlite'),
    version: '9.9.9-test',
    mode: 'browser',
    runtime: 'vitest',
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  });
}
