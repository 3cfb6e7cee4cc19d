import { serveBackend } from './serve-backend';
import type { ToBackend } from './session-protocol';

/** `process.parentPort` in an Electron utility process, as far as the backend uses it. */
export interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

/** Serves the session over a utility process's parentPort; main ends the process after `closed`. */
export function serveOverParentPort(port: UtilityParentPort): void {
  serveBackend({
    post: (message) => port.postMessage(message),
    listen: (handler) => port.on('message', (event) => handler(event.data as ToBackend)),
  });
}
