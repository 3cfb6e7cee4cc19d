// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/api/contract';
import { RefreshWidget } from '../../app/refresh-widget';
import { fakeClient, type FakeClient } from '../../test-support/fake-client';
import { settings } from '../../test-support/fixtures';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { RefreshPanel } from './refresh-panel';

beforeAll(() => stubLayout());
afterEach(cleanup);

const series = ['AAPL', 'SPY'].map((symbol) => ({
  symbol,
  firstDay: '2020-01-02',
  lastDay: '2024-05-01',
  bars: 1000,
  source: 'yahoo',
  fetchedAt: '2024-05-02T08:00:00Z',
}));

function setup(options: { emitBeforeAnswer?: boolean } = {}) {
  const holder: { client: FakeClient | null } = { client: null };
  const progress = (p: Partial<EventPayload<'quotes:progress'>>) =>
    holder.client?.emit('quotes:progress', { jobId: 'job-1', symbolsDone: 0, symbolsTotal: 2, state: 'running', ...p });
  const client = fakeClient({
    'quotes:list': () => series,
    'settings:get': () => settings,
    'quotes:refresh': () => {
      if (options.emitBeforeAnswer) {
        // A fast job: every event arrives before the call's answer does.
        progress({ symbol: 'AAPL', symbolsDone: 1, state: 'done' });
        progress({ symbol: 'SPY', symbolsDone: 2, state: 'failed', message: 'HTTP 500 from the provider' });
        progress({ symbolsDone: 2, state: 'done' });
      }
      return { jobId: 'job-1', state: 'running', symbolsTotal: 2 };
    },
    'quotes:cancel': () => ({ cancelled: true }),
    'quotes:refreshLog': () => [
      {
        id: 2,
        jobId: 'job-1',
        symbol: 'SPY',
        provider: 'yahoo',
        startedAt: '2024-05-02T08:00:00Z',
        finishedAt: '2024-05-02T08:00:02Z',
        outcome: 'error' as const,
        barsWritten: 0,
        message: 'HTTP 500 from the provider',
      },
    ],
  });
  holder.client = client;
  renderWithClient(
    <>
      <RefreshWidget />
      <RefreshPanel />
    </>,
    client,
  );
  return { client, progress };
}

describe('quote refresh', () => {
  it('shows overall and per-symbol progress, and cancels the job it started', async () => {
    const user = userEvent.setup();
    const { client, progress } = setup();
    await screen.findByTestId('quote-AAPL');
    await user.click(screen.getByRole('button', { name: 'Refresh all prices' }));
    expect(client.callsTo('quotes:refresh')).toEqual([{}]);

    act(() => progress({ symbol: 'AAPL', state: 'running' }));
    act(() => progress({ symbol: 'AAPL', symbolsDone: 1, state: 'done' }));
    act(() => progress({ symbolsDone: 1 }));
    const bars = screen.getAllByRole('progressbar', { name: 'Quote refresh, overall' });
    expect(bars).toHaveLength(2); // the sidebar's and the panel's
    expect(bars.map((b) => b.getAttribute('value'))).toEqual(['1', '1']);
    expect(bars[0]?.getAttribute('max')).toBe('2');
    expect(within(screen.getByTestId('quote-AAPL')).getByText('Updated')).toBeTruthy();

    await user.click(screen.getAllByRole('button', { name: 'Cancel refresh' })[1] as HTMLElement);
    expect(client.callsTo('quotes:cancel')).toEqual([{ jobId: 'job-1' }]);
    act(() => progress({ symbolsDone: 1, state: 'cancelled' }));
    expect(screen.queryByRole('progressbar', { name: 'Quote refresh, overall' })).toBeNull();
    expect(screen.getAllByText('Refresh cancelled after 1 of 2 symbols.')).toHaveLength(2);
  });

  it('does not miss a job that ends before its answer arrives, and names what failed', async () => {
    const user = userEvent.setup();
    setup({ emitBeforeAnswer: true });
    await screen.findByTestId('quote-SPY');
    await user.click(screen.getByRole('button', { name: 'Refresh prices' }));
    expect(await screen.findAllByText('Refreshed 1 of 2 symbols; 1 failed.')).toHaveLength(2);
    const spy = within(screen.getByTestId('quote-SPY'));
    expect(spy.getByText('Failed')).toBeTruthy();
    expect(spy.getByText('HTTP 500 from the provider')).toBeTruthy();
    // A failed row shows no bar (a full one read as done); the updated row keeps its full bar.
    expect(spy.queryByRole('progressbar')).toBeNull();
    const aapl = within(screen.getByTestId('quote-AAPL')).getByRole('progressbar', { name: 'AAPL refresh' });
    expect([aapl.getAttribute('value'), aapl.getAttribute('max')]).toEqual(['1', '1']);
    expect(screen.getByRole('button', { name: 'Refresh prices' })).toBeTruthy();
  });

  it('shows the refresh log once opened', async () => {
    const user = userEvent.setup();
    const { client } = setup();
    await user.click(await screen.findByText('Refresh log'));
    const row = within(await screen.findByTestId('refresh-log')).getByRole('row', { name: /SPY/ });
    expect(row.textContent).toMatch(/SPY.*Failed.*0.*HTTP 500 from the provider/);
    expect(client.callsTo('quotes:refreshLog')).toEqual([{ limit: 100 }]);
  });

  it('refreshes one symbol from its row', async () => {
    const user = userEvent.setup();
    const { client } = setup();
    await user.click(await screen.findByRole('button', { name: 'Refresh SPY' }));
    expect(client.callsTo('quotes:refresh')).toEqual([{ symbols: ['SPY'] }]);
  });
});
