// Browser mode as `npm run web` runs it, for tests: the backend's real entry point bundled as the
// build bundles dist/backend.cjs, run in a worker thread behind the HTTP host, and raw requests to
// that host.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { RunningHost } from '../host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Bundles electron/backend/backend-entry.ts inside the checkout (so the bundle finds
 * better-sqlite3 in node_modules) and answers the bundle's path; `name` keeps parallel test
 * files apart.
 */
export async function buildBackendBundle(name: string): Promise<string> {
  const bundle = path.join(root, 'out', 'test', `${name}-${process.pid}.cjs`);
  await build({
    entryPoints: [path.join(root, 'electron', 'backend', 'backend-entry.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return bundle;
}

export function removeBundle(bundle: string): void {
  fs.rmSync(bundle, { force: true });
}

/** A call through the host, as the page makes it: `POST /api/call/NAME` with the token. */
export function post(
  host: RunningHost,
  name: string,
  body: string,
  agent?: http.Agent,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/call/${name}`,
        method: 'POST',
        ...(agent ? { agent } : {}),
        headers: {
          Host: `127.0.0.1:${host.port}`,
          Authorization: `Bearer ${host.token}`,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The page's event stream, collected as text until closed. */
export function listen(host: RunningHost): { text: () => string; close: () => void } {
  let text = '';
  const req = http.get(
    {
      host: '127.0.0.1',
      port: host.port,
      path: '/api/events',
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` },
    },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
    },
  );
  req.on('error', () => {});
  return { text: () => text, close: () => req.destroy() };
}
