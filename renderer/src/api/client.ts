import {
  BRIDGE_KEY,
  callNames,
  isEventName,
  type ApiResult,
  type Bridge,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventListener,
  type EventName,
  type Unsubscribe,
} from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';

/** The renderer's one door to the backend, over the Electron bridge or over HTTP alike. */
export interface Client {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<N extends EventName>(name: N, listener: EventListener<N>): Unsubscribe;
  readonly transport: 'ipc' | 'http';
}

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.issues ?? []);
}

export function bridgeClient(bridge: Bridge): Client {
  return {
    transport: 'ipc',
    async call(name, input) {
      const method = bridge[name] as (input: unknown) => Promise<ApiResult<CallOutput<typeof name>>>;
      return unwrap(await method(input));
    },
    on: (name, listener) => bridge.on(name, listener),
  };
}

/** Browser mode: same-origin requests; the host's HttpOnly cookie carries the launch token. */
export function httpClient(fetchImpl: typeof fetch = (...args) => fetch(...args), base = ''): Client {
  let source: EventSource | undefined;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function ensureSource(): EventSource {
    if (source) return source;
    source = new EventSource(`${base}/api/events`);
    for (const name of listeners.keys()) attach(source, name);
    return source;
  }

  function attach(es: EventSource, name: EventName): void {
    es.addEventListener(name, (event) => {
      const payload: unknown = JSON.parse((event as MessageEvent<string>).data);
      for (const listener of listeners.get(name) ?? []) listener(payload);
    });
  }

  return {
    transport: 'http',
    async call(name, input) {
      const response = await fetchImpl(`${base}/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
      if (response.status === 401 || response.status === 403) {
        throw new ApiError(
          'invalid_input',
          'This page is not signed in to Tiltfolio. Open the address printed by `npm run web`.',
        );
      }
      return unwrap((await response.json()) as ApiResult<CallOutput<typeof name>>);
    },
    on(name, listener) {
      if (!isEventName(name)) throw new Error(`Unknown event ${String(name)}`);
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        if (source) attach(source, name);
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      ensureSource();
      return () => set.delete(wrapped);
    },
  };
}

function isBridge(value: unknown): value is Bridge {
  return (
    typeof value === 'object' &&
    value !== null &&
    callNames.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')
  );
}

export function detectClient(): Client {
  const candidate: unknown = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  return isBridge(candidate) ? bridgeClient(candidate) : httpClient();
}
