import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Client } from '../api/client';
import { ClientProvider } from '../api/client-context';
import { RefreshJobProvider } from '../api/refresh-job';

/** Renders a component as the app does: over a client, a fresh query cache and the refresh job. */
export function renderWithClient(ui: ReactElement, client: Client): RenderResult {
  // As in main.tsx: the backend is local, so a lost network must not pause its calls.
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return render(
    <ClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <RefreshJobProvider>{ui}</RefreshJobProvider>
      </QueryClientProvider>
    </ClientProvider>,
  );
}

/**
 * jsdom lays nothing out: give scroll containers a viewport so virtualised tables render a
 * window of rows, and stand in for the browser APIs jsdom lacks.
 */
export function stubLayout(viewport = { width: 1200, height: 600 }): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener() {},
      removeEventListener() {},
    }) as unknown as MediaQueryList;
  for (const [name, value] of [
    ['clientHeight', viewport.height],
    ['clientWidth', viewport.width],
    ['offsetHeight', viewport.height],
    ['offsetWidth', viewport.width],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  HTMLElement.prototype.getBoundingClientRect = function () {
    return { x: 0, y: 0, top: 0, left: 0, bottom: viewport.height, right: viewport.width, ...viewport, toJSON() {} };
  };
}
