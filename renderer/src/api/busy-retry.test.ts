import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { fakeClient } from '../test-support/fake-client';
import { withBusyRetry } from './busy-retry';

const busy = () => new ApiError('busy', 'The database is busy: another import is writing. Nothing was changed.');

describe('retrying a call the backend answered busy', () => {
  it('tries again after a pause, saying so meanwhile, until the call goes through', async () => {
    let answers = 0;
    const fake = fakeClient({
      'accounts:create': ({ name, currency }) => {
        if (++answers <= 2) throw busy();
        return { id: 7, name, currency, createdAt: '2026-01-02T00:00:00.000Z', costMethod: null };
      },
    });
    const seen: number[] = [];
    const pauses: number[] = [];
    const client = withBusyRetry(fake, {
      sleep: async (ms) => {
        pauses.push(ms);
        seen.push(client.busy.retrying());
      },
    });
    const changes: number[] = [];
    client.busy.subscribe(() => changes.push(client.busy.retrying()));

    expect(await client.call('accounts:create', { name: 'Brokerage', currency: 'USD' })).toMatchObject({ id: 7 });
    expect(fake.callsTo('accounts:create')).toHaveLength(3);
    expect(pauses).toEqual([1000, 2000]);
    expect(seen).toEqual([1, 1]);
    expect(changes).toEqual([1, 0]);
    expect(client.busy.retrying()).toBe(0);
  });

  it('gives the busy error to the caller after the last try, and never retries other errors', async () => {
    const fake = fakeClient({
      'accounts:create': () => {
        throw busy();
      },
      'accounts:list': () => {
        throw new ApiError('internal', 'disk full');
      },
    });
    const client = withBusyRetry(fake, { retries: 3, sleep: async () => {} });
    await expect(client.call('accounts:create', { name: 'A', currency: 'USD' })).rejects.toMatchObject({
      code: 'busy',
    });
    expect(fake.callsTo('accounts:create')).toHaveLength(4);
    await expect(client.call('accounts:list', {})).rejects.toMatchObject({ code: 'internal' });
    expect(fake.callsTo('accounts:list')).toHaveLength(1);
    expect(client.busy.retrying()).toBe(0);
  });
});
