import { describe, expect, it, vi } from 'vitest';
import { callNames, type Handlers } from './contract';
import { createDispatch } from './dispatch';
import { ApiError } from './errors';

// Only the calls these tests exercise; the dispatcher never reaches the others.
function fakeHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const base: Partial<Handlers> = {
    'app:info': () => ({
      name: 'Tiltfolio',
      version: '1.0.0',
      mode: 'cli',
      dataDir: '/d',
      dbPath: '/d/x.sqlite',
      schemaVersion: 1,
      runtime: 'test',
    }),
    'portfolio:summary': () => ({ accounts: 0, instruments: 0, transactions: 0, quoteBars: 0, isEmpty: true }),
    'accounts:list': () => [],
    'accounts:create': ({ name, currency }) => ({
      id: 1,
      name,
      currency,
      createdAt: '2020-01-01T00:00:00.000Z',
      costMethod: null,
    }),
  };
  return { ...base, ...overrides } as Handlers;
}

describe('createDispatch', () => {
  it('answers a known call with its handler value', async () => {
    const dispatch = createDispatch(fakeHandlers());
    await expect(dispatch('portfolio:summary', {})).resolves.toEqual({
      ok: true,
      value: { accounts: 0, instruments: 0, transactions: 0, quoteBars: 0, isEmpty: true },
    });
  });

  it('refuses names outside the contract, including inherited object keys', async () => {
    const dispatch = createDispatch(fakeHandlers());
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await dispatch(name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknown_call');
    }
  });

  it('normalises input through the schema before the handler sees it', async () => {
    const create = vi.fn((input: { name: string; currency: string }) => ({
      id: 7,
      ...input,
      createdAt: 'now',
      costMethod: null,
    }));
    const dispatch = createDispatch(fakeHandlers({ 'accounts:create': create }));
    const result = await dispatch('accounts:create', { name: '  Brokerage  ', currency: 'USD' });
    expect(result.ok).toBe(true);
    expect(create).toHaveBeenCalledWith({ name: 'Brokerage', currency: 'USD' });
  });

  const badInputs: [string, unknown][] = [
    ['wrong types', { name: 5, currency: 'USD' }],
    ['missing field', { name: 'A' }],
    ['huge string', { name: 'x'.repeat(1_000_000), currency: 'USD' }],
    ['lower-case currency', { name: 'A', currency: 'usd' }],
    ['unknown key', { name: 'A', currency: 'USD', admin: true }],
    ['prototype pollution key', JSON.parse('{"name":"A","currency":"USD","__proto__":{"polluted":true}}')],
    ['constructor key', { name: 'A', currency: 'USD', constructor: { prototype: { polluted: true } } }],
    ['array instead of object', ['A', 'USD']],
    ['string instead of object', 'A'],
  ];

  it.each(badInputs)('rejects %s without calling the handler', async (_label, input) => {
    const create = vi.fn();
    const dispatch = createDispatch(fakeHandlers({ 'accounts:create': create }));
    const result = await dispatch('accounts:create', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/^accounts:create: /);
    }
    expect(create).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects unexpected keys on calls that take no input', async () => {
    const dispatch = createDispatch(fakeHandlers());
    for (const name of callNames) {
      const result = await dispatch(name, { extra: 1 });
      expect(result.ok, name).toBe(false);
    }
  });

  it('passes an ApiError through with its code and turns anything else into internal', async () => {
    const onInternal = vi.fn();
    const dispatch = createDispatch(
      fakeHandlers({
        'accounts:list': () => {
          throw new ApiError('conflict', 'taken', ['name: taken']);
        },
        'portfolio:summary': () => {
          throw new Error('disk on fire');
        },
      }),
      onInternal,
    );
    expect(await dispatch('accounts:list', {})).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'taken', issues: ['name: taken'] },
    });
    expect(await dispatch('portfolio:summary', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
    expect(onInternal).toHaveBeenCalledTimes(1);
  });
});
