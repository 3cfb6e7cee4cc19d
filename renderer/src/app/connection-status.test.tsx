// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../test-support/fake-client';
import { settings } from '../test-support/fixtures';
import { renderWithClient } from '../test-support/render';
import { ConnectionStatus } from './connection-status';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ConnectionStatus', () => {
  it('says offline, and why, when offline mode is on', async () => {
    renderWithClient(<ConnectionStatus />, fakeClient({ 'settings:get': () => ({ ...settings, offline: true }) }));
    const status = await screen.findByText(/Offline mode is on/);
    expect(screen.getByTestId('connection').textContent).toBe(
      'Offline: Offline mode is on: prices come from the cache only.',
    );
    expect(status.className).toBe('visually-hidden');
  });

  it('follows the network when a provider is set', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    renderWithClient(<ConnectionStatus />, fakeClient({ 'settings:get': () => settings }));
    expect((await screen.findByTestId('connection')).textContent).toMatch(/^Online/);
    onLine.mockReturnValue(false);
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(screen.getByTestId('connection').textContent).toMatch(/^No network/);
  });

  it('does not say online after every symbol of the last refresh failed, and says when one last worked', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const lastSuccess = { symbol: 'AAPL', finishedAt: '2026-11-30T10:00:05Z' };
    renderWithClient(
      <ConnectionStatus />,
      fakeClient({
        'settings:get': () => settings,
        'quotes:refreshStatus': () => ({
          lastJob: { jobId: 'j2', finishedAt: '2026-12-04T09:00:03Z', symbols: 17, ok: 0, failed: 17, cancelled: 0 },
          lastSuccess,
        }),
      }),
    );
    const status = await screen.findByTestId('refresh-status');
    const when = (iso: string) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect(status.textContent).toBe(
      `Last refresh ${when('2026-12-04T09:00:03Z')}: 0 of 17 updated, 17 failed. ` +
        `Last successful refresh: ${when(lastSuccess.finishedAt)} (AAPL). See the refresh log`,
    );
    expect(screen.getByRole('link', { name: 'See the refresh log' }).getAttribute('href')).toBe('#/data');
    const connection = screen.getByTestId('connection');
    expect(connection.textContent).toMatch(/^Refresh failing: /);
    expect(connection.textContent).not.toMatch(/Online|can reach/);
    expect(connection.className).toContain('connection-offline');
  });

  it('tells a partly failed refresh without the last success, and a first run without a log link', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    let lastJob: {
      jobId: string;
      finishedAt: string;
      symbols: number;
      ok: number;
      failed: number;
      cancelled: number;
    } | null = null;
    const client = fakeClient({
      'settings:get': () => settings,
      'quotes:refreshStatus': () => ({ lastJob, lastSuccess: null }),
    });
    renderWithClient(<ConnectionStatus />, client);
    expect((await screen.findByTestId('refresh-status')).textContent).toBe('No refresh has run yet. ');
    expect(screen.queryByRole('link')).toBeNull();
    cleanup();
    lastJob = { jobId: 'j', finishedAt: '2026-12-04T09:00:03Z', symbols: 3, ok: 2, failed: 1, cancelled: 0 };
    renderWithClient(<ConnectionStatus />, client);
    expect((await screen.findByTestId('refresh-status')).textContent).toMatch(
      /: 2 of 3 updated, 1 failed\. See the refresh log$/,
    );
    expect(screen.getByTestId('connection').textContent).toMatch(/^Online: The network is up/);
  });
});
