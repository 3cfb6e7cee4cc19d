import { useEffect, useState } from 'react';
import { queryValue, updateQuery } from '../../../shared/view/hash-query';

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

/**
 * The link to a holding's page, for every place a symbol is shown. `keep` is a query to carry over
 * (the page's own, so moving between accounts keeps the date window); its account is replaced.
 */
export function holdingHref(symbol: string, account?: string, keep = ''): string {
  const query = updateQuery(keep, { account: account ?? null });
  return `#/holding/${encodeURIComponent(symbol)}${query === '' ? '' : `?${query}`}`;
}

/** The holding the hash names, or null; its query may hold other keys too (the date window). */
export function holdingOfHash(hash: string): { symbol: string; account?: string } | null {
  const match = /^#\/?holding\/([^?]+)(?:\?(.*))?$/.exec(hash);
  if (!match) return null;
  const symbol = decodeURIComponent(match[1] as string);
  const account = queryValue(match[2] ?? '', 'account');
  return account === undefined ? { symbol } : { symbol, account };
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
