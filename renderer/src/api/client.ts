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
import { withBusyRetry, type BusyTracker } from './busy-retry';

/** The renderer's one door to the backend, over the Electron bridge or over HTTP alike. */
export interface Client {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<N extends EventName>(name: N, listener: EventListener<N>): Unsubscribe;
  readonly transport: 'ipc' | 'http';
  /** Calls waiting to try again because the database was busy (busy-retry.ts); absent in tests. */
  readonly busy?: BusyTracker;
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

/** Where the browser keeps the launch token: session storage is per origin, port included. */
const TOKEN_KEY = 'tiltfolio-token';

/**
 * Browser mode: takes the launch token from the printed URL (`/?token=…`) into session storage and
 * replaces the address, so the token is in neither the history nor a cookie (cookies ignore ports:
 * every other server on 127.0.0.1 would receive one). A reload finds it in session storage.
 */
export function takeLaunchToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Splits a server-sent-events text into complete events, returning what is left over. */
export function parseEvents(text: string): { events: { name: string; data: string }[]; rest: string } {
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = [];
  for (const block of blocks) {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice('event: '.length);
      else if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
    }
    if (data.length > 0) events.push({ name, data: data.join('\n') });
  }
  return { events, rest };
}

const RECONNECT_MS = 2000;

/**
 * Browser mode: same-origin requests carrying the launch token as `Authorization: Bearer`. Events
 * come over a streamed fetch rather than EventSource, which cannot send that header.
 */
export function httpClient(
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  base = '',
  token: string = takeLaunchToken(),
): Client {
  let streaming = false;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const authorization = { Authorization: `Bearer ${token}` };

  function deliver(name: string, data: string): void {
    if (!isEventName(name)) return;
    const payload: unknown = JSON.parse(data);
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  async function streamOnce(): Promise<void> {
    const response = await fetchImpl(`${base}/api/events`, { headers: authorization, credentials: 'omit' });
    if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const parsed = parseEvents(buffer + value);
      buffer = parsed.rest;
      for (const event of parsed.events) deliver(event.name, event.data);
    }
  }

  function ensureStream(): void {
    if (streaming) return;
    streaming = true;
    // Like EventSource: reconnect after a pause when the stream ends or fails.
    const loop = (): void => {
      streamOnce()
        .catch(() => undefined)
        .finally(() => setTimeout(loop, RECONNECT_MS));
    };
    loop();
  }

  return {
    transport: 'http',
    async call(name, input) {
      const response = await fetchImpl(`${base}/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authorization },
        body: JSON.stringify(input),
        credentials: 'omit',
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
      }
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      ensureStream();
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
  return withBusyRetry(isBridge(candidate) ? bridgeClient(candidate) : httpClient());
}
