import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Client } from '../api/client';

export type FakeHandlers = {
  [N in CallName]?: (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>>;
};

export interface FakeClient extends Client {
  /** Every call made, in order. */
  calls: { name: CallName; input: unknown }[];
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  callsTo(name: CallName): unknown[];
}

/** A Client for component tests: answers from the given handlers, refuses anything else. */
export function fakeClient(handlers: FakeHandlers): FakeClient {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeClient['calls'] = [];
  return {
    transport: 'http',
    calls,
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.input),
    async call(name, input) {
      calls.push({ name, input });
      const handler = handlers[name] as ((input: unknown) => unknown) | undefined;
      if (!handler) throw new ApiError('unknown_call', `No fake for ${name}`);
      return (await handler(input)) as CallOutput<typeof name>;
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };
}
