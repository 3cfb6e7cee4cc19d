import { useSyncExternalStore } from 'react';
import type { CallOutput } from '../../../shared/api/contract';
import { useRefreshStatus, useSettings } from '../api/quote-hooks';
import { formatDateTime } from '../format/format';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useNetworkOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

export type Connection = 'offline-mode' | 'no-provider' | 'no-network' | 'online';

export function useConnection(): Connection {
  const settings = useSettings();
  const online = useNetworkOnline();
  if (settings.data?.offline) return 'offline-mode';
  if (settings.data?.quoteProvider === 'none') return 'no-provider';
  return online ? 'online' : 'no-network';
}

const TEXT: Record<Connection, { label: string; detail: string }> = {
  'offline-mode': { label: 'Offline', detail: 'Offline mode is on: prices come from the cache only.' },
  'no-provider': { label: 'Offline', detail: 'No quote provider is chosen: prices come from the cache and files.' },
  'no-network': { label: 'No network', detail: 'This computer is offline: prices come from the cache.' },
  // Only the network is known here: whether the provider answers is what the last refresh says.
  online: { label: 'Online', detail: 'The network is up: a refresh can try the provider.' },
};

const FAILING = {
  label: 'Refresh failing',
  detail: 'The network is up, but the last refresh updated none of its symbols.',
};

type RefreshStatus = CallOutput<'quotes:refreshStatus'>;

function failedOutright(status: RefreshStatus | undefined): boolean {
  return !!status?.lastJob && status.lastJob.ok === 0 && status.lastJob.failed > 0;
}

/** What the refresh log last saw: the latest job's tally and, when it updated nothing, the last success. */
export function describeRefreshStatus({ lastJob, lastSuccess }: RefreshStatus): string {
  if (!lastJob) return 'No refresh has run yet.';
  const parts = [`${lastJob.ok} of ${lastJob.symbols} updated`];
  if (lastJob.failed > 0) parts.push(`${lastJob.failed} failed`);
  if (lastJob.cancelled > 0) parts.push(`${lastJob.cancelled} cancelled`);
  const last = `Last refresh ${formatDateTime(lastJob.finishedAt)}: ${parts.join(', ')}.`;
  if (lastJob.ok > 0) return last;
  const success = lastSuccess
    ? `Last successful refresh: ${formatDateTime(lastSuccess.finishedAt)} (${lastSuccess.symbol}).`
    : 'No refresh has succeeded yet.';
  return `${last} ${success}`;
}

/**
 * Always visible in the sidebar: whether a refresh can reach the network (and why not), and what
 * the last refresh saw, with the way to its log.
 */
export function ConnectionStatus() {
  const connection = useConnection();
  const status = useRefreshStatus().data;
  const failing = connection === 'online' && failedOutright(status);
  const { label, detail } = failing ? FAILING : TEXT[connection];
  return (
    <>
      <p
        className={`connection connection-${connection === 'online' && !failing ? 'online' : 'offline'}`}
        data-testid="connection"
        title={detail}
      >
        <span className="connection-dot" aria-hidden="true" />
        <span>
          {label}
          <span className="visually-hidden">: {detail}</span>
        </span>
      </p>
      {status && (
        <p className={`refresh-status small ${failing ? 'error-note' : 'muted'}`} data-testid="refresh-status">
          {describeRefreshStatus(status)} {status.lastJob && <a href="#/data">See the refresh log</a>}
        </p>
      )}
    </>
  );
}
