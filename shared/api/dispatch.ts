import type { z } from 'zod';
import { calls, isCallName, type ApiResult, type Handlers } from './contract';
import { ApiError } from './errors';

export type Dispatch = (name: unknown, input: unknown) => Promise<ApiResult<unknown>>;

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
    return `${where}: ${issue.message}`;
  });
}

/**
 * The single gate every payload passes through, whatever the transport: an unknown call name or
 * an input that fails the contract's schema never reaches a handler.
 */
export function createDispatch(handlers: Handlers, onInternalError?: (error: unknown) => void): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) {
      return {
        ok: false,
        error: {
          code: 'unknown_call',
          message: `There is no call named ${JSON.stringify(String(name)).slice(0, 100)}.`,
        },
      };
    }
    const parsed = calls[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: `${name}: ${issues.join('; ')}`, issues } };
    }
    try {
      // The map is keyed by the same name, so the handler and its parsed input always agree.
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ApiError) {
        return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
      }
      onInternalError?.(error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}
