import { useEffect, useState } from 'react';

export const ROUTES = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'holdings', label: 'Holdings' },
  { id: 'income', label: 'Income' },
  { id: 'transactions', label: 'Transactions' },
  { id: 'rotation', label: 'Rotation' },
  { id: 'data', label: 'Import & export' },
  { id: 'health', label: 'Data health' },
  { id: 'settings', label: 'Settings' },
] as const;

export type RouteId = (typeof ROUTES)[number]['id'];

function current(): RouteId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return ROUTES.some((r) => r.id === id) ? (id as RouteId) : 'dashboard';
}

/** Hash routes: they work the same under app:// and in browser mode, and survive a reload. */
export function useRoute(): [RouteId, (id: RouteId) => void] {
  const [route, setRoute] = useState<RouteId>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (id) => (window.location.hash = `#/${id}`)];
}
