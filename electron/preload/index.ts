// Sandboxed preload: exposes one named method per contract call and a subscription limited to
// contract events. The renderer never sees ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_KEY,
  callNames,
  isEventName,
  type ApiResult,
  type EventName,
  type EventPayload,
} from '../../shared/api/contract';
import { EVENT_CHANNEL } from '../main/channels';

export type RawBridge = Record<string, unknown>;

export function buildBridge(): RawBridge {
  const bridge: RawBridge = {};
  for (const name of callNames) {
    bridge[name] = (input: unknown): Promise<ApiResult<unknown>> => ipcRenderer.invoke(name, input);
  }
  bridge.on = <N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): (() => void) => {
    if (!isEventName(name)) throw new Error(`Unknown event ${String(name)}`);
    const handler = (_event: unknown, eventName: unknown, payload: unknown) => {
      if (eventName === name) listener(payload as EventPayload<N>);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  };
  return bridge;
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, buildBridge());
