import type { ApiResult } from '../../shared/api/contract';
import type { ApiErrorCode } from '../../shared/api/errors';
import type { Dispatch } from '../../shared/api/dispatch';

/**
 * A call whose input is still JSON text (an HTTP body): parsed here, then through the dispatcher.
 * The browser host leaves this to its backend worker, so a large upload is parsed off the thread
 * that answers HTTP.
 */
export async function dispatchJson(dispatch: Dispatch, name: unknown, body: Uint8Array): Promise<ApiResult<unknown>> {
  let input: unknown;
  try {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    input = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'invalid_input', message: 'body is not valid JSON' } };
  }
  return dispatch(name, input);
}

/**
 * A result as the JSON text an HTTP answer carries, with what its status is told from. A backend
 * in a worker answers an HTTP call this way: a string crosses to the host as one copy, where the
 * result's objects were cloned one by one (a large portfolio's open positions are 1.5 MB) and then
 * serialised again on the thread that answers every request.
 */
export type JsonAnswer = { ok: true; text: string } | { ok: false; code: ApiErrorCode; text: string };

export function toJsonAnswer(result: ApiResult<unknown>): JsonAnswer {
  const text = JSON.stringify(result);
  return result.ok ? { ok: true, text } : { ok: false, code: result.error.code, text };
}
