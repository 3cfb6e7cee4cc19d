// The host's side of a session with a backend running elsewhere (a worker thread, a utility
// process): calls go out by id and come back as results, events arrive and are handed to
// subscribers, and `chooseFile` requests are answered with the host's dialogs. The host does not
// validate payloads: the dispatcher in the backend does.
import { isEventName, type ApiResult } from '../../shared/api/contract';
import type { Dispatch } from '../../shared/api/dispatch';
import type { ChooseFile, FileRequest } from '../csv/csv-service';
import { toJsonAnswer, type JsonAnswer } from './dispatch-json';
import type { AnyEventListener } from './event-bus';
import type { FromBackend, HostSide, SessionOptions, ToBackend } from './session-protocol';

/** What a transport (IPC, HTTP) needs of a backend, in this thread or another. */
export interface BackendLink {
  readonly dispatch: Dispatch;
  /**
   * The same, given the input as JSON text (an HTTP body), parsed by the backend, and answered as
   * JSON text with its status: see dispatch-json.ts.
   */
  readonly dispatchJson?: (name: unknown, body: Uint8Array) => Promise<JsonAnswer>;
  readonly events: { subscribe(listener: AnyEventListener): () => void };
}

export interface BackendSession extends BackendLink {
  readonly dispatchJson: NonNullable<BackendLink['dispatchJson']>;
  /** Settles when the backend has opened its database; rejects with the reason it could not. */
  readonly opened: Promise<void>;
  /** The backend closes its database; the thread or process is then ended. */
  close(): Promise<void>;
  /** The thread or process ended on its own: every call still waiting fails with the reason. */
  lost(reason: string): void;
  /** Settles, with the reason, once the backend no longer answers (closed or lost). */
  readonly stopped: Promise<string>;
}

export interface SessionHooks {
  chooseFile?: ChooseFile;
  /** Ends the thread or process once the backend has closed (or has stopped answering). */
  end: () => void | Promise<unknown>;
}

const CLOSE_GRACE_MS = 5000;

function failure(message: string): ApiResult<unknown> {
  return { ok: false, error: { code: 'internal', message } };
}

export function connectBackend(port: HostSide, options: SessionOptions, hooks: SessionHooks): BackendSession {
  // Each call waits for its result; one given as JSON text waits for the text (a result the
  // backend had to give as an object, "not open", is turned into text here).
  const pending = new Map<number, (result: ApiResult<unknown> | JsonAnswer, asText: boolean) => void>();
  const listeners = new Set<AnyEventListener>();
  let calls = 0;
  let stopped: string | undefined;
  let markOpened: () => void = () => {};
  let markFailed: (error: Error) => void = () => {};
  let markClosed: () => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    markOpened = resolve;
    markFailed = reject;
  });
  // Nobody may be waiting on `opened` when the backend fails: the failure is read through it later.
  opened.catch(() => {});
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  let markStopped: (reason: string) => void = () => {};
  const stoppedWith = new Promise<string>((resolve) => (markStopped = resolve));

  function answerFileRequest(id: number, request: FileRequest): void {
    const choose = hooks.chooseFile;
    if (!choose) return port.post({ kind: 'chosen', id, file: null, error: 'No file dialogs here.' });
    choose(request).then(
      (file) => port.post({ kind: 'chosen', id, file }),
      (error: unknown) =>
        port.post({ kind: 'chosen', id, file: null, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  port.listen((message: FromBackend) => {
    switch (message.kind) {
      case 'opened':
        return markOpened();
      case 'failed':
        return markFailed(new Error(message.message));
      case 'result':
      case 'resultJson': {
        const settle = pending.get(message.id);
        pending.delete(message.id);
        return settle?.(message.kind === 'result' ? message.result : message.answer, message.kind === 'resultJson');
      }
      case 'event': {
        if (!isEventName(message.name)) return;
        for (const listener of listeners) listener(message.name, message.payload as never);
        return;
      }
      case 'chooseFile':
        return answerFileRequest(message.id, message.request);
      case 'closed':
        return markClosed();
    }
  });

  function lost(reason: string): void {
    if (stopped !== undefined) return;
    stopped = reason;
    markStopped(reason);
    markFailed(new Error(reason));
    markClosed();
    for (const settle of pending.values()) settle(failure(reason), false);
    pending.clear();
  }

  async function send<T extends 'object' | 'text'>(
    name: unknown,
    want: T,
    message: (id: number) => ToBackend,
    transfer: ArrayBuffer[] = [],
  ): Promise<T extends 'text' ? JsonAnswer : ApiResult<unknown>> {
    type Out = T extends 'text' ? JsonAnswer : ApiResult<unknown>;
    const as = (result: ApiResult<unknown> | JsonAnswer, asText: boolean): Out => {
      if (want === 'text') return (asText ? result : toJsonAnswer(result as ApiResult<unknown>)) as Out;
      return (asText ? JSON.parse((result as JsonAnswer).text) : result) as Out;
    };
    try {
      await opened;
    } catch (error) {
      return as(failure(error instanceof Error ? error.message : String(error)), false);
    }
    if (stopped !== undefined) return as(failure(stopped), false);
    const id = ++calls;
    return new Promise<Out>((resolve) => {
      pending.set(id, (result, asText) => resolve(as(result, asText)));
      try {
        port.post(message(id), transfer);
      } catch (error) {
        // Only plain data can cross; what cannot be cloned is refused like any malformed input.
        pending.delete(id);
        const reason = error instanceof Error ? error.message : String(error);
        resolve(as({ ok: false, error: { code: 'invalid_input', message: `${String(name)}: ${reason}` } }, false));
      }
    });
  }

  const dispatch: Dispatch = (name, input) => send(name, 'object', (id) => ({ kind: 'call', id, name, input }));

  function dispatchJson(name: unknown, body: Uint8Array): Promise<JsonAnswer> {
    // Moved, not copied, when the bytes have a buffer of their own (a large body always does).
    const own =
      body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
    return send(name, 'text', (id) => ({ kind: 'callJson', id, name, body }), own ? [body.buffer as ArrayBuffer] : []);
  }

  port.post({ kind: 'open', options });

  return {
    opened,
    dispatch,
    dispatchJson,
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    lost,
    stopped: stoppedWith,
    async close() {
      if (stopped === undefined) {
        port.post({ kind: 'close' });
        // A backend that does not answer within a few seconds is ended anyway: SQLite's journal
        // keeps the file whole, and quitting must not hang on it.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
        clearTimeout(timer);
      }
      lost('The backend has closed.');
      await hooks.end();
    },
  };
}
