import { useCallback, useEffect, useState } from 'react';
import { windowFromQuery, windowToQuery, type DateWindow } from '../../../../shared/view/date-window';

/** The hash's query: `#/rotation?from=2016-10-31&to=2016-11-14` gives `from=…&to=…`. */
function hashQuery(): string {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

function hashRoute(): string {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  return at < 0 ? hash : hash.slice(0, at);
}

export interface SetWindowOptions {
  /** Replace the history entry rather than add one: zooming and dragging would otherwise fill Back. */
  replace?: boolean;
}

/**
 * The window a chart screen shows, kept in the URL hash so a bookmark or a restart restores it and
 * Back/Forward step through earlier windows. `fallback` is used while the hash names none; pass a
 * constant (it is read on every hash change).
 */
export function useDateWindow(
  fallback: DateWindow,
): [DateWindow, (next: DateWindow, options?: SetWindowOptions) => void] {
  const [current, setCurrent] = useState<DateWindow>(() => windowFromQuery(hashQuery()) ?? fallback);
  useEffect(() => {
    const onChange = () => setCurrent(windowFromQuery(hashQuery()) ?? fallback);
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, [fallback]);
  const set = useCallback((next: DateWindow, options: SetWindowOptions = {}) => {
    const hash = `${hashRoute()}?${windowToQuery(next)}`;
    if (hash !== window.location.hash) {
      if (options.replace) window.history.replaceState(window.history.state, '', hash);
      else window.location.hash = hash;
    }
    setCurrent(next);
  }, []);
  return [current, set];
}
