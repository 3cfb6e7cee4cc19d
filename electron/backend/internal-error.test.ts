import { afterEach, describe, expect, it, vi } from 'vitest';
import { internalErrorLine } from '../../shared/api/errors';
import type { Backend } from './backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';

describe('an unexpected failure (a full disk)', () => {
  const tempDir = useTempDirs();
  let backend: Backend | undefined;
  afterEach(() => {
    backend?.close();
    vi.restoreAllMocks();
  });

  it('is logged as one line with its reason and code, never a stack trace', async () => {
    backend = testBackend(tempDir());
    // SQLite's own error for a full disk, raised where a real write would hit it.
    backend.db.exec(
      "CREATE TRIGGER full_disk BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const result = await backend.dispatch('accounts:create', { name: 'Broker', currency: 'USD' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'database or disk is full' } });
    expect(logged).toEqual([['[tiltfolio] internal error: database or disk is full (SQLITE_CONSTRAINT_TRIGGER)']]);
  });

  it('describes errors without a code, and values that are not errors', () => {
    const error = new Error('first line\nsecond line');
    expect(internalErrorLine(error)).toBe('[tiltfolio] internal error: first line');
    expect(internalErrorLine('plain')).toBe('[tiltfolio] internal error: plain');
    const coded = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(internalErrorLine(coded)).toBe('[tiltfolio] internal error: ENOSPC: no space left on device, write');
  });
});
