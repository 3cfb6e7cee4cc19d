import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The token travels only in an `Authorization: Bearer` header, never in a cookie: cookies ignore
 * ports, so any other web server on 127.0.0.1 would receive one. A page opened from the printed
 * URL keeps the token in its own (port-scoped) session storage and adds the header itself.
 */
export function bearerToken(req: IncomingMessage): string | undefined {
  return req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
}

/**
 * DNS rebinding and cross-site requests: only our own loopback origin, on our own port, may talk
 * to the host. Host is always checked; Origin when the browser sends one.
 */
function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function isForeignRequest(req: IncomingMessage, port: number): string | null {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = req.headers.host;
  if (!host || !allowedHosts.has(host.toLowerCase())) return `Host ${JSON.stringify(host ?? '')} is not this app`;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return `Origin ${JSON.stringify(origin)} is not this app`;
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-site request';
  return null;
}
