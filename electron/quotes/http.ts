// HTTP for quote providers: a timeout per request, retries with backoff for what may pass
// (network errors, timeouts, 5xx, 429 honouring Retry-After), and cancellation throughout.

export interface HttpPolicy {
  fetch: typeof fetch;
  /** Per request, headers and body included. */
  timeoutMs: number;
  /** Tries in all, the first included. */
  attempts: number;
  /** Delay before try `attempt + 1` when the server gave no Retry-After. */
  backoffMs: (attempt: number) => number;
  /** A Retry-After longer than this is not waited out: the symbol fails for this refresh. */
  maxRetryAfterMs: number;
  /** Injectable so tests assert the delays without spending them. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  userAgent: string;
  maxBodyBytes: number;
  now: () => number;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/** The refresh was cancelled; not a failure of the provider. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

/** The provider could not be reached or kept failing; the message says how. */
export class ProviderUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderUnavailableError';
  }
}

// A desktop browser's User-Agent: Yahoo turns away requests that announce a script.
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function defaultHttpPolicy(overrides: Partial<HttpPolicy> = {}): HttpPolicy {
  return {
    fetch: globalThis.fetch.bind(globalThis),
    timeoutMs: 15_000,
    attempts: 3,
    backoffMs: (attempt) => 500 * 2 ** (attempt - 1) * (1 + Math.random() * 0.25),
    maxRetryAfterMs: 60_000,
    sleep: abortableSleep,
    userAgent: BROWSER_USER_AGENT,
    maxBodyBytes: 20 * 1024 * 1024,
    now: Date.now,
    ...overrides,
  };
}

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

async function readBody(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ProviderUnavailableError(`the answer is larger than ${Math.round(limit / 1024 / 1024)} MB`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const text = [(error as Error).message, cause?.code, cause?.message].filter(Boolean).join(' ');
  if (/terminated|other side closed|UND_ERR_SOCKET|ECONNRESET|premature/i.test(text)) {
    return 'the connection closed before the whole answer arrived (truncated)';
  }
  if (/ECONNREFUSED/.test(text)) return 'the connection was refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return 'the host name could not be resolved (offline?)';
  return `network error: ${text}`;
}

/** Where a URL points, without its query string, for messages. */
function where(url: string): string {
  return url.split('?')[0]!;
}

/**
 * GETs `url` and answers with the status and body of the first response that is final: 2xx, or
 * a 4xx other than 408 and 429 (the provider's verdict, for it to interpret). Everything else is
 * retried up to the policy's attempts, then thrown as ProviderUnavailableError; cancellation
 * throws CancelledError at once.
 */
export async function getText(url: string, signal: AbortSignal, policy: HttpPolicy): Promise<HttpAnswer> {
  let problem = 'no attempt made';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (signal.aborted) throw new CancelledError();
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    let delay = policy.backoffMs(attempt);
    try {
      const response = await policy.fetch(url, {
        signal: AbortSignal.any([signal, timeout]),
        headers: { 'User-Agent': policy.userAgent, Accept: 'application/json, text/csv, text/plain, */*' },
        redirect: 'follow',
      });
      const body = await readBody(response, policy.maxBodyBytes);
      const status = response.status;
      if (status < 400 || (status < 500 && status !== 408 && status !== 429)) return { status, body };
      problem = `HTTP ${status} from ${where(url)}`;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), policy.now());
      if (retryAfter !== null && (status === 429 || status === 503)) {
        if (retryAfter > policy.maxRetryAfterMs) {
          throw new ProviderUnavailableError(
            `${problem}: rate limited, the provider asks to wait ${Math.ceil(retryAfter / 1000)} s; try again later`,
          );
        }
        delay = retryAfter;
      }
    } catch (error) {
      if (signal.aborted) throw new CancelledError();
      if (error instanceof ProviderUnavailableError) throw error;
      problem = timeout.aborted
        ? `no answer from ${where(url)} within ${policy.timeoutMs} ms`
        : `${describeNetworkError(error)} (${where(url)})`;
    }
    if (attempt < policy.attempts) await policy.sleep(delay, signal);
  }
  throw new ProviderUnavailableError(policy.attempts > 1 ? `${problem}, after ${policy.attempts} tries` : problem);
}
