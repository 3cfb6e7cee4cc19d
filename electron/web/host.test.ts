import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Backend } from '../backend/backend';
import { testBackend } from '../test-support/backend';
import { useTempDirs } from '../test-support/temp-dir';
import { startHost, type RunningHost } from './host';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw requests, because fetch will not let a test forge Host. */
function request(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host', () => {
  const tempDir = useTempDirs();
  let backend: Backend;
  let host: RunningHost;
  let rendererDir: string;

  beforeEach(async () => {
    const dir = tempDir();
    rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>T</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
    backend = testBackend(path.join(dir, 'data'));
    host = await startHost({ backend, rendererDir });
  });
  afterEach(async () => {
    await host.close();
    backend.close();
  });

  const auth = () => ({ Authorization: `Bearer ${host.token}` });
  const json = { 'Content-Type': 'application/json' };

  it('prints a loopback URL holding a strong per-launch token', async () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{43}$`));
    const other = await startHost({ backend, rendererDir });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('refuses requests without the token or with a wrong one (401)', async () => {
    expect((await request(host.port, { path: '/api/events' })).status).toBe(401);
    expect(
      (await request(host.port, { path: '/api/call/app:info', method: 'POST', headers: json, body: '{}' })).status,
    ).toBe(401);
    expect((await request(host.port, { path: '/?token=wrong' })).status).toBe(401);
    expect(
      (await request(host.port, { path: '/api/events', headers: { Authorization: `Bearer ${host.token}x` } })).status,
    ).toBe(401);
    expect(
      (await request(host.port, { path: '/api/events', headers: { Cookie: `tiltfolio_token_${host.port}=nope` } }))
        .status,
    ).toBe(401);
  });

  it('refuses a foreign Host or Origin even with the token (403)', async () => {
    const cases: Record<string, string>[] = [
      { Host: 'evil.example' },
      { Host: `evil.example:${host.port}` },
      { Host: `127.0.0.1:${host.port + 1}` },
      { Origin: 'http://evil.example' },
      { Origin: `https://127.0.0.1:${host.port}` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of cases) {
      const reply = await request(host.port, { path: '/', headers: { ...auth(), ...headers } });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
    }
    const sameOrigin = await request(host.port, {
      path: '/',
      headers: { ...auth(), Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('serves the page from the printed URL without a cookie or a redirect, with the CSP', async () => {
    const first = await request(host.port, { path: `/?token=${host.token}` });
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.headers.location).toBeUndefined();
    expect(first.body).toContain('<title>T</title>');
    expect(first.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(first.headers['x-frame-options']).toBe('DENY');
  });

  it('sets no cookie on any answer, so no other loopback port can receive the token', async () => {
    const paths = ['/', `/?token=${host.token}`, '/assets/app.js', `/.//evil.example/?token=${host.token}`];
    for (const p of paths) {
      const reply = await request(host.port, { path: p, headers: auth() });
      expect(reply.headers['set-cookie'], p).toBeUndefined();
      expect(JSON.stringify(reply.headers), p).not.toContain(host.token);
    }
    const call = await request(host.port, {
      path: '/api/call/app:info',
      method: 'POST',
      headers: { ...auth(), ...json },
      body: '{}',
    });
    expect(call.status).toBe(200);
    expect(call.headers['set-cookie']).toBeUndefined();
  });

  it('refuses the API with the token in a cookie or in the query instead of the header (401)', async () => {
    for (const name of [`tiltfolio_token_${host.port}`, 'token', 'tiltfolio_token']) {
      const reply = await request(host.port, {
        path: '/api/call/app:info',
        method: 'POST',
        headers: { ...json, Cookie: `${name}=${host.token}` },
        body: '{}',
      });
      expect(reply.status, name).toBe(401);
    }
    const query = await request(host.port, {
      path: `/api/call/app:info?token=${host.token}`,
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(query.status).toBe(401);
    const events = await request(host.port, {
      path: '/api/events',
      headers: { Cookie: `tiltfolio_token_${host.port}=${host.token}` },
    });
    expect(events.status).toBe(401);
  });

  it('never redirects a crafted path elsewhere (no open redirect)', async () => {
    for (const p of ['/.//evil.example/', '//evil.example/', '/%2f%2fevil.example/', '/\\evil.example/']) {
      const reply = await request(host.port, { path: `${p}?token=${host.token}` });
      expect(reply.status >= 300 && reply.status < 400, `${p}: ${reply.status}`).toBe(false);
      expect(reply.headers.location, p).toBeUndefined();
    }
  });

  it('answers an account name of a NUL character with 400 and a message, not 500', async () => {
    const reply = await request(host.port, {
      path: '/api/call/accounts:create',
      method: 'POST',
      headers: { ...auth(), ...json },
      body: JSON.stringify({ name: '\u0000', currency: 'USD' }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('control characters');
    expect(await backend.dispatch('accounts:list', {})).toEqual({ ok: true, value: [] });
  });

  it('answers a malformed call name with 400, not 500', async () => {
    const reply = await request(host.port, {
      path: '/api/call/%ff',
      method: 'POST',
      headers: { ...auth(), ...json },
      body: '{}',
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await request(host.port, { path: p, headers: auth() });
      expect(reply.body, p).not.toContain('do not serve');
    }
  });

  it('answers contract calls and validates their payloads', async () => {
    const info = await request(host.port, {
      path: '/api/call/app:info',
      method: 'POST',
      headers: { ...auth(), ...json },
      body: '{}',
    });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { name: 'Tiltfolio', mode: 'browser' } });

    const bad = await request(host.port, {
      path: '/api/call/accounts:create',
      method: 'POST',
      headers: { ...auth(), ...json },
      body: JSON.stringify({ name: 1 }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const garbage = await request(host.port, {
      path: '/api/call/app:info',
      method: 'POST',
      headers: { ...auth(), ...json },
      body: '{nope',
    });
    expect(garbage.status).toBe(400);
    const unknown = await request(host.port, {
      path: '/api/call/fs:rm',
      method: 'POST',
      headers: { ...auth(), ...json },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    const notJson = await request(host.port, {
      path: '/api/call/app:info',
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
    expect(await backend.dispatch('accounts:list', {})).toEqual({ ok: true, value: [] });
  });

  it('pushes contract events over server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${host.port}`, ...auth() },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: data:changed')) {
              resolve(text);
              req.destroy();
            } else if (text.startsWith(': connected')) {
              void backend.dispatch('accounts:create', { name: 'Pushed', currency: 'USD' });
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(await received).toContain('data: {"scope":"accounts"}');
  });

  it('listens on loopback only', () => {
    expect(host.address).toBe('127.0.0.1');
  });
});
