import { describe, expect, it } from 'vitest';
import {
  abortableSleep,
  CancelledError,
  defaultHttpPolicy,
  getText,
  parseRetryAfter,
  ProviderUnavailableError,
} from './http';

function policy(responses: (() => Response)[], sleeps: number[] = []) {
  let call = 0;
  return defaultHttpPolicy({
    fetch: async () => responses[Math.min(call++, responses.length - 1)]!(),
    backoffMs: (attempt) => attempt * 10,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => Date.parse('2019-02-25T12:00:00Z'),
  });
}

const never = new AbortController().signal;

describe('parseRetryAfter', () => {
  const now = Date.parse('2019-02-25T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 25 Feb 2019 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 25 Feb 2019 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('getText', () => {
  it('returns a 4xx answer at once for the provider to read', async () => {
    const sleeps: number[] = [];
    const answer = await getText(
      'http://x/a',
      never,
      policy([() => new Response('{"chart":{}}', { status: 404 })], sleeps),
    );
    expect(answer).toEqual({ status: 404, body: '{"chart":{}}' });
    expect(sleeps).toEqual([]);
  });

  it('honours Retry-After on a 503 too', async () => {
    const sleeps: number[] = [];
    const answer = await getText(
      'http://x/a',
      never,
      policy(
        [() => new Response('busy', { status: 503, headers: { 'Retry-After': '3' } }), () => new Response('ok')],
        sleeps,
      ),
    );
    expect(answer.body).toBe('ok');
    expect(sleeps).toEqual([3000]);
  });

  it('refuses an answer over the size limit', async () => {
    const p = { ...policy([() => new Response('x'.repeat(5000))]), maxBodyBytes: 1000 };
    await expect(getText('http://x/a', never, p)).rejects.toThrow(ProviderUnavailableError);
  });

  it('stops with CancelledError when cancelled during a backoff', async () => {
    const controller = new AbortController();
    const p = {
      ...policy([() => new Response('down', { status: 500 })]),
      sleep: (ms: number, signal: AbortSignal) => {
        const slept = abortableSleep(60_000, signal);
        controller.abort();
        return slept;
      },
    };
    await expect(getText('http://x/a', controller.signal, p)).rejects.toBeInstanceOf(CancelledError);
  });

  it('names the URL without its query in errors', async () => {
    await expect(
      getText('http://x/v8/finance/chart/SPY?period1=1', never, policy([() => new Response('', { status: 502 })])),
    ).rejects.toThrow('HTTP 502 from http://x/v8/finance/chart/SPY, after 3 tries');
  });
});
