import { describe, expect, it } from 'vitest';
import { httpClient, parseEvents, takeLaunchToken } from './client';

/** A window double: an address, a history that records replaceState, and a session storage. */
function fakeWindow(href: string) {
  const stored = new Map<string, string>();
  const win = {
    location: { href } as Location,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        win.location = { href: new URL(url, win.location.href).href } as Location;
      },
    } as unknown as History,
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    } as Storage,
  };
  return win;
}

describe('browser-mode launch token', () => {
  it('takes the token from the printed URL and leaves no trace of it in the address', () => {
    const win = fakeWindow('http://127.0.0.1:4000/?token=abc123&x=1#h');
    expect(takeLaunchToken(win)).toBe('abc123');
    expect(win.location.href).toBe('http://127.0.0.1:4000/?x=1#h');
    // A reload (the address no longer holds it) finds it in this origin's session storage.
    expect(takeLaunchToken(win)).toBe('abc123');
  });

  it('sends the token as a Bearer header on calls and on the event stream, never a cookie', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const fetchDouble = ((url: string, init?: RequestInit) => {
      seen.push({ url, init });
      if (url.endsWith('/api/events')) {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(': connected\n\nevent: data:changed\ndata: {"sc'));
            controller.enqueue(new TextEncoder().encode('ope":"accounts"}\n\n'));
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }
      return Promise.resolve(Response.json({ ok: true, value: [] }));
    }) as typeof fetch;
    const client = httpClient(fetchDouble, '', 'tok');
    expect(await client.call('accounts:list', {})).toEqual([]);
    const payload = await new Promise((resolve) => client.on('data:changed', resolve));
    expect(payload).toEqual({ scope: 'accounts' });
    expect(seen.map((s) => s.url)).toEqual(['/api/call/accounts%3Alist', '/api/events']);
    for (const { init } of seen) {
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');
      expect(init?.credentials).toBe('omit');
    }
  });
});

describe('server-sent events parsing', () => {
  it('splits complete events and keeps the unfinished rest', () => {
    expect(parseEvents('event: a\ndata: 1\n\n: comment\n\nevent: b\ndata: 2')).toEqual({
      events: [{ name: 'a', data: '1' }],
      rest: 'event: b\ndata: 2',
    });
  });
});
