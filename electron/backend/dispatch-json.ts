import type { ApiResult } from '../../shared/api/contract';
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
