import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { internalErrorLine, type ApiErrorCode } from '../../shared/api/errors';
import { REQUEST_MAX_BYTES, UPLOAD_CALLS, UPLOAD_MAX_BYTES } from '../../shared/api/limits';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { BackendLink } from '../backend/backend-session';
import { dispatchJson, toJsonAnswer } from '../backend/dispatch-json';
import { bearerToken, isForeignRequest, newToken, tokensEqual } from './auth';
import { contentType, resolveStatic } from './static-files';

export interface HostOptions {
  /** The backend in a worker thread (`npm run web`), or in this thread (tests). */
  backend: BackendLink;
  rendererDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  /** Limit for calls that carry a whole file (a CSV upload): see UPLOAD_CALLS. */
  maxUploadBytes?: number;
}

export interface RunningHost {
  url: string;
  /** The address the server is bound to: always 127.0.0.1. */
  address: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const STATUS_OF: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_call: 404,
  not_found: 404,
  conflict: 409,
  refused_sender: 403,
  // The database's writer is taken (another import or process): nothing was written, try again.
  busy: 503,
  internal: 500,
};

// Browser mode uploads a CSV file to `csv:import` as JSON text; the app reads large files from
// disk instead (csv:importFile), so only the upload routes need room for a file. A quotes file
// is sent whole too: a quotes export of a few dozen symbols' history is already several MB.
// The limits are in shared/api/limits.ts, beside the figures the docs give.

/** A body over its call's limit: answered with 413 before the rest is read. */
class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`over ${limit} bytes`);
  }
}

function describeLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  // A declared length over the limit is refused before a byte of the body is read.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new TooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Browser mode: the same backend over HTTP on loopback. Every request must come from our own
 * origin (403 otherwise); every API call and the event stream carry the per-launch token as
 * `Authorization: Bearer` (401 otherwise).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { backend, rendererDir } = options;
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? REQUEST_MAX_BYTES;
  const maxUpload = options.maxUploadBytes ?? UPLOAD_MAX_BYTES;
  let port = 0;
  const streams = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const foreign = isForeignRequest(req, port);
    if (foreign) return send(res, 403, `Forbidden: ${foreign}.`);

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const unauthorized = () => send(res, 401, 'Unauthorized: open the URL that `npm run web` printed, token included.');
    if (url.pathname.startsWith('/api/')) {
      // The API (all data) needs the token in the Authorization header; a cookie or a query
      // parameter is not looked at, so nothing another loopback port could receive opens it.
      if (!tokensEqual(bearerToken(req), token)) return unauthorized();
    } else {
      // The page and its scripts hold no data and are served to our own origin alone (above);
      // the printed URL's token is checked here only to say at once when it is wrong. The page
      // takes it from the address, drops it from history (replaceState) and sends it as a header.
      // There is no redirect, so no Location a crafted path could point elsewhere.
      const fromQuery = url.searchParams.get('token');
      if (fromQuery !== null && !tokensEqual(fromQuery, token)) return unauthorized();
    }

    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(res, 415, 'Send application/json.');
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      } catch {
        // `/api/call/%ff` is a malformed address, not a server fault.
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'the call name in the address is not valid percent-encoding' },
        });
      }
      let body: Buffer;
      const upload = UPLOAD_CALLS.has(name);
      try {
        body = await readBody(req, upload ? maxUpload : maxBody);
      } catch (error) {
        if (!(error instanceof TooLarge)) {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'body is not valid JSON' } });
        }
        const message = upload
          ? `The file is too large to upload: ${name} takes at most ${describeLimit(error.limit)} in browser mode. Import larger files with the desktop app or “tiltfolio tx import FILE”, which read them from disk.`
          : `The request is too large: ${name} takes at most ${describeLimit(error.limit)}.`;
        // The rest of the body is not read: the connection closes once the answer is out.
        res.setHeader('Connection', 'close');
        res.once('finish', () => req.destroy());
        return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message } });
      }
      // The JSON is parsed by the backend's worker when there is one: a 100 MB upload is no
      // reason for this thread to stop answering.
      const answer = backend.dispatchJson
        ? await backend.dispatchJson(name, body)
        : toJsonAnswer(await dispatchJson(backend.dispatch, name, body));
      return send(res, answer.ok ? 200 : STATUS_OF[answer.code], answer.text, 'application/json; charset=utf-8');
    }

    if (url.pathname === '/api/events') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      const unsubscribe = backend.events.subscribe((name, payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      req.on('close', () => {
        unsubscribe();
        streams.delete(res);
      });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentType(file),
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(internalErrorLine(error));
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: browser mode is for this machine, never the network.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    address: bound.address,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
