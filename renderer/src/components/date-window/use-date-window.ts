import { useCallback, useEffect, useState } from 'react';
import { windowFromQuery, windowQueryChanges, type DateWindow } from '../../../../shared/view/date-window';
import { hashQuery, writeHashQuery, type HashWriteOptions } from '../../app/hash-location';

export type SetWindowOptions = HashWriteOptions;

/**
 * The window a chart screen shows, kept in the URL hash (`from=&to=` or `range=`, beside whatever
 * else the query holds: a holding's account, the RRG's week) so a bookmark or a restart restores
 * it and Back/Forward step through earlier windows. `fallback` is used while the hash names none;
 * pass a constant (it is read on every hash change).
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
    writeHashQuery(windowQueryChanges(next), options);
    setCurrent(next);
  }, []);
  return [current, set];
}
