// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/api/contract';
import { ConnectionStatus } from '../app/connection-status';
import { fakeClient } from '../test-support/fake-client';
import { settings } from '../test-support/fixtures';
import { renderWithClient } from '../test-support/render';
import { useRefreshJob } from './refresh-job';

afterEach(cleanup);

function StartButton() {
  const job = useRefreshJob();
  return (
    <button type="button" onClick={() => job.start()}>
      Refresh all
    </button>
  );
}

type Status = CallOutput<'quotes:refreshStatus'>;

describe('RefreshJobProvider', () => {
  it('refetches what the screen shows after every job, even one that ended before its start was answered', async () => {
    let status: Status = { lastJob: null, lastSuccess: null };
    let jobs = 0;
    const client = fakeClient({
      'settings:get': () => settings,
      'quotes:refreshStatus': () => status,
      'quotes:refresh': () => {
        jobs += 1;
        const jobId = `j${jobs}`;
        const ok = jobs === 1 ? 1 : 0;
        const finishedAt = `2026-12-04T09:00:0${jobs}Z`;
        status = {
          lastJob: { jobId, finishedAt, symbols: 14, ok, failed: 14 - ok, cancelled: 0 },
          lastSuccess: status.lastSuccess ?? { symbol: 'AAPL', finishedAt },
        };
        // Every symbol failing at once: the job's last event comes before quotes:refresh answers.
        client.emit('quotes:progress', { jobId, symbolsDone: 14, symbolsTotal: 14, state: 'done' });
        return { jobId, state: 'running', symbolsTotal: 14 };
      },
    });
    renderWithClient(
      <>
        <StartButton />
        <ConnectionStatus />
      </>,
      client,
    );
    const shown = () => screen.getByTestId('refresh-status').textContent ?? '';
    await waitFor(() => expect(shown()).toMatch(/^No refresh has run yet/));

    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Refresh all' })));
    await waitFor(() => expect(shown()).toMatch(/: 1 of 14 updated, 13 failed\./));

    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Refresh all' })));
    await waitFor(() =>
      expect(shown()).toMatch(/: 0 of 14 updated, 14 failed\. Last successful refresh: .+ \(AAPL\)\./),
    );
    expect(client.callsTo('quotes:refreshStatus').length).toBe(3);
  });
});
