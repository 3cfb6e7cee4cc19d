import { events, type EventName, type EventPayload } from '../../shared/api/contract';

export type AnyEventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/** Push events from long work to whichever transports are listening (IPC, SSE). */
export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    // Validated on the way out too: a malformed event is a backend bug, caught here, not in the UI.
    const checked = events[name].parse(payload) as EventPayload<N>;
    for (const listener of this.listeners) listener(name, checked);
  }
}
