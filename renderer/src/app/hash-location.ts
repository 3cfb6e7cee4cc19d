import { useEffect, useState } from 'react';
import { updateQuery } from '../../../shared/view/hash-query';

/** The hash's query: `#/rotation?from=2016-10-31&to=2016-11-14` gives `from=…&to=…`. */
export function hashQuery(): string {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

/** The hash before its query: `#/rotation`, `#/holding/MSFT`. */
export function hashRoute(): string {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  return at < 0 ? hash : hash.slice(0, at);
}

export interface HashWriteOptions {
  /** Replace the history entry rather than add one: zooming, dragging and playing would otherwise fill Back. */
  replace?: boolean;
}

/**
 * Changes some keys of the hash's query and keeps the others (the account, the window, the RRG's
 * week live side by side). A replaced entry fires no hashchange: the writer updates its own state.
 */
export function writeHashQuery(
  changes: Readonly<Record<string, string | null>>,
  { replace = false }: HashWriteOptions = {},
): void {
  const query = updateQuery(hashQuery(), changes);
  const hash = query === '' ? hashRoute() : `${hashRoute()}?${query}`;
  if (hash === window.location.hash) return;
  if (replace) window.history.replaceState(window.history.state, '', hash);
  else window.location.hash = hash;
}

/** The hash's query, following its changes (Back, Forward, a link, a typed address). */
export function useHashQuery(): string {
  const [query, setQuery] = useState(hashQuery);
  useEffect(() => {
    const onChange = () => setQuery(hashQuery());
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  return query;
}
