import { useSyncExternalStore } from 'react';
import { useSettings } from '../api/quote-hooks';

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
  online: { label: 'Online', detail: 'Quote refresh can reach the provider.' },
};

/** Always visible in the sidebar: whether a refresh can reach the network, and why not. */
export function ConnectionStatus() {
  const connection = useConnection();
  const { label, detail } = TEXT[connection];
  return (
    <p
      className={`connection connection-${connection === 'online' ? 'online' : 'offline'}`}
      data-testid="connection"
      title={detail}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>
        {label}
        <span className="visually-hidden">: {detail}</span>
      </span>
    </p>
  );
}
