// The messages between a host (Electron's main process, the browser host) and the backend running
// in a process or thread of its own (backend-entry.ts). Every message is structured-cloned, so
// only plain data crosses: the backend's options, call names and raw inputs one way, results and
// events the other. The payloads are validated where the handlers are: by the dispatcher, in the
// backend.
import type { ApiResult, EventName } from '../../shared/api/contract';
import type { ChosenFile, FileRequest } from '../csv/csv-service';
import type { JsonAnswer } from './dispatch-json';

/** What `createBackend` needs, as plain data (no clock, no callbacks). */
export interface SessionOptions {
  dataDir: string;
  dbPath: string;
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  runtime: string;
  nativeBinding?: string | undefined;
  assetsDir?: string | undefined;
  /** The host answers `chooseFile` requests with its open and save dialogs (the app does). */
  fileDialogs: boolean;
  /** How long a write waits for its turn before answering `busy` (tests shorten it; electron/db/store.ts). */
  writeWaitMs?: number | undefined;
}

export type ToBackend =
  | { kind: 'open'; options: SessionOptions }
  | { kind: 'call'; id: number; name: unknown; input: unknown }
  /** A call whose input is JSON text still to be parsed (an HTTP body), moved rather than copied. */
  | { kind: 'callJson'; id: number; name: unknown; body: Uint8Array }
  /**
   * The host's answer to a `chooseFile` request: the file (and its handle when one was asked
   * for), null when the user cancelled or a handle was not found, or why it failed.
   */
  | { kind: 'chosen'; id: number; file: ChosenFile | null; error?: string }
  | { kind: 'close' };

export type FromBackend =
  | { kind: 'opened' }
  | { kind: 'failed'; message: string }
  | { kind: 'result'; id: number; result: ApiResult<unknown> }
  /** The answer to a `callJson`: already JSON text, as the HTTP answer carries it. */
  | { kind: 'resultJson'; id: number; answer: JsonAnswer }
  | { kind: 'event'; name: EventName; payload: unknown }
  | { kind: 'chooseFile'; id: number; request: FileRequest }
  | { kind: 'closed' };

/** One end of the link, whatever carries it (a worker's port, a utility process's parentPort). */
export interface Port<In, Out> {
  /** `transfer`: buffers moved to the other side instead of copied. */
  post(message: Out, transfer?: ArrayBuffer[]): void;
  listen(handler: (message: In) => void): void;
}

export type BackendSide = Port<ToBackend, FromBackend>;
export type HostSide = Port<FromBackend, ToBackend>;
