// Desktop notifications of new signals (docs/engine.md, "Signals"): off until Settings
// `signalNotifications` is on. After a quote refresh main asks the backend for the signals of the
// last day valued and shows each one it has not shown before. Browser mode has none of this: the
// in-app list is all it shows.
import type { Dispatch } from '../../shared/api/dispatch';
import type { CallOutput } from '../../shared/api/contract';

export interface Notify {
  (title: string, body: string): void;
}

async function value<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T | null> {
  const result = await dispatch(name, input);
  return result.ok ? (result.value as T) : null;
}

/** An event listener for the backend's events; `notify` shows one system notification. */
export function signalNotifier(dispatch: Dispatch, notify: Notify) {
  const shown = new Set<string>();
  let running: Promise<void> = Promise.resolve();

  async function check(): Promise<void> {
    const settings = await value<CallOutput<'settings:get'>>(dispatch, 'settings:get', {});
    if (!settings?.signalNotifications) return;
    // No history or no benchmark prices: nothing to say, and nothing to fail over.
    const list = await value<CallOutput<'portfolio:signals'>>(dispatch, 'portfolio:signals', {});
    if (list === null) return;
    for (const s of list.signals) {
      const key = `${s.date}|${s.kind}|${s.subject}|${s.message}`;
      if (s.date !== list.to || shown.has(key)) continue;
      shown.add(key);
      notify(`Tiltfolio: ${s.subject}`, s.message);
    }
  }

  return {
    onEvent(name: string, payload: unknown): void {
      if (name !== 'data:changed' || (payload as { scope?: string }).scope !== 'quotes') return;
      // One check at a time: a burst of refreshes must not notify the same signal twice.
      running = running.then(check).catch(() => undefined);
    },
    /** Resolves when the checks started so far have finished (for tests). */
    idle: () => running,
  };
}
