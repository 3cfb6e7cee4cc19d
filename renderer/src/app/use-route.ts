import { useEffect, useState } from 'react';

export const ROUTES = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'holdings', label: 'Holdings' },
  { id: 'income', label: 'Income' },
  { id: 'transactions', label: 'Transactions' },
  { id: 'rotation', label: 'Rotation' },
  { id: 'realized', label: 'Realized gains' },
  { id: 'data', label: 'Import & export' },
  { id: 'health', label: 'Data health' },
  { id: 'settings', label: 'Settings' },
] as const;

export type RouteId = (typeof ROUTES)[number]['id'];
/** The screens: the sidebar's routes and a holding's page (#/holding/SYMBOL[?account=NAME]), reached from its symbol. */
export type ScreenId = RouteId | 'holding';

function current(): ScreenId {
  const hash = window.location.hash.replace(/^#\/?/, '');
  if (hash.startsWith('holding/')) return 'holding';
  // A screen's window rides in the query (`#/rotation?from=…&to=…`): the route is before it.
  const id = hash.split('?')[0];
  return ROUTES.some((r) => r.id === id) ? (id as RouteId) : 'dashboard';
}

/** The link to a holding's page, for every place a symbol is shown. */
export function holdingHref(symbol: string, account?: string): string {
  return `#/holding/${encodeURIComponent(symbol)}${account === undefined ? '' : `?account=${encodeURIComponent(account)}`}`;
}

/** The holding the hash names, or null. */
export function holdingOfHash(hash: string): { symbol: string; account?: string } | null {
  const match = /^#\/?holding\/([^?]+)(?:\?account=(.*))?$/.exec(hash);
  if (!match) return null;
  const symbol = decodeURIComponent(match[1] as string);
  return match[2] === undefined ? { symbol } : { symbol, account: decodeURIComponent(match[2]) };
}

/** Hash routes: they work the same under app:// and in browser mode, and survive a reload. */
export function useRoute(): [ScreenId, (id: RouteId) => void] {
  const [route, setRoute] = useState<ScreenId>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (id) => (window.location.hash = `#/${id}`)];
}

/** The holding the hash names, following its changes (one holding's page links to another's). */
export function useHoldingTarget(): { symbol: string; account?: string } | null {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return holdingOfHash(hash);
}
