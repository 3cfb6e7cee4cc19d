// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { withBusyRetry } from '../api/busy-retry';
import { fakeClient } from '../test-support/fake-client';
import { renderWithClient } from '../test-support/render';
import { BusyStatus } from './busy-status';

afterEach(cleanup);

describe('BusyStatus', () => {
  it('says "busy, retrying" while a change waits to try again, and goes away when it is through', async () => {
    let busy = true;
    const client = withBusyRetry(
      fakeClient({
        'settings:set': () => {
          if (busy) throw new ApiError('busy', 'The database is busy.');
          return {} as never;
        },
      }),
      { sleep: () => new Promise((resolve) => setTimeout(resolve, 10)) },
    );
    renderWithClient(<BusyStatus />, client);
    expect(screen.queryByTestId('busy-status')).toBeNull();

    let done: Promise<unknown> = Promise.resolve();
    act(() => void (done = client.call('settings:set', { theme: 'dark' })));
    const status = await screen.findByTestId('busy-status');
    expect(status.textContent).toBe('Busy, retrying: another import or process is writing.');
    busy = false;
    await act(() => done);
    expect(screen.queryByTestId('busy-status')).toBeNull();
  });
});
