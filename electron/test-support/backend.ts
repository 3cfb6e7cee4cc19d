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

/** What a call answers, for a test whose call must succeed: a refusal fails the test with its message. */
export async function callOk<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(name as never, input as never);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
