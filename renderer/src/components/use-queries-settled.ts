import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * True once no query is fetching and the screen `key` names has painted since: what
 * `npm run bench` times a screen by (the shell's `data-ready`, app/app.tsx). A screen's queries
 * start in effects after its first render, so "none fetching" is trusted only two frames later,
 * when they have all started and, once settled, their data has been drawn. Tied to `key`, so the
 * first render of another screen is never marked ready by the last one's state.
 */
export function useQueriesSettled(key: string): boolean {
  const client = useQueryClient();
  const fetching = useIsFetching();
  const [settledFor, setSettledFor] = useState<string | null>(null);
  useEffect(() => {
    if (fetching > 0) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setSettledFor(client.isFetching() === 0 ? key : null));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
      // A fetch has started (or the screen changed): not settled until two frames after it ends.
      setSettledFor(null);
    };
  }, [fetching, client, key]);
  return settledFor === key;
}
