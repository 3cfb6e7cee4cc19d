// The backend's side of a session: opens the backend when the host says so, answers its calls
// through the dispatcher (the one gate that validates payloads), forwards its events, and asks
// the host for a file when a handler needs the app's dialogs.
import type { ChosenFile, FileRequest } from '../csv/csv-service';
import { createBackend, type Backend } from './backend';
import { dispatchJson, toJsonAnswer } from './dispatch-json';
import type { BackendSide, ToBackend } from './session-protocol';

interface Waiting {
  resolve: (file: ChosenFile | null) => void;
  reject: (error: Error) => void;
}

export function serveBackend(port: BackendSide, onClosed: () => void = () => {}): void {
  let backend: Backend | undefined;
  let asked = 0;
  const waiting = new Map<number, Waiting>();

  const chooseFile = (request: FileRequest) =>
    new Promise<ChosenFile | null>((resolve, reject) => {
      const id = ++asked;
      waiting.set(id, { resolve, reject });
      port.post({ kind: 'chooseFile', id, request });
    });

  function handle(message: ToBackend): void {
    switch (message.kind) {
      case 'open': {
        if (backend) return port.post({ kind: 'failed', message: 'The backend is already open.' });
        try {
          const { fileDialogs, ...options } = message.options;
          backend = createBackend({ ...options, ...(fileDialogs ? { chooseFile } : {}) });
        } catch (error) {
          return port.post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
        backend.events.subscribe((name, payload) => port.post({ kind: 'event', name, payload }));
        return port.post({ kind: 'opened' });
      }
      case 'call':
      case 'callJson': {
        const { id, name } = message;
        if (!backend) {
          return port.post({
            kind: 'result',
            id,
            result: { ok: false, error: { code: 'internal', message: 'The backend is not open.' } },
          });
        }
        if (message.kind === 'call') {
          void backend.dispatch(name, message.input).then((result) => port.post({ kind: 'result', id, result }));
          return;
        }
        void dispatchJson(backend.dispatch, name, message.body).then((result) =>
          port.post({ kind: 'resultJson', id, answer: toJsonAnswer(result) }),
        );
        return;
      }
      case 'chosen': {
        const entry = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error !== undefined) entry?.reject(new Error(message.error));
        else entry?.resolve(message.file);
        return;
      }
      case 'close': {
        for (const entry of waiting.values()) entry.reject(new Error('The app is closing.'));
        waiting.clear();
        backend?.close();
        backend = undefined;
        port.post({ kind: 'closed' });
        onClosed();
        return;
      }
    }
  }

  port.listen(handle);
}
