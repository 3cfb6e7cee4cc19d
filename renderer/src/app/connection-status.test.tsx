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
});
