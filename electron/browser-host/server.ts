import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { defaultWorkspacePath, openCore, type Core } from '../../db/api/core';
import { appRouter } from '../../db/api/router';
import type { OpenOptions } from '../../db/workspace/open';
import { RENDERER_CSP } from '../shared/csp';
import { defaultUserDataDir } from '../shared/user-data';
import { resolveStaticFile, sendStaticFile } from './static';

/** The header every API request must carry, holding the per-launch token. */
export const TOKEN_HEADER = 'x-rapport-token';
/** The host binds here and nowhere else: never 0.0.0.0, never a LAN address. */
export const LOOPBACK_ADDRESS = '127.0.0.1';

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface BrowserHostOptions {
  /** The workspace file; created (with its folder) when missing, like the desktop app does. */
  dbFile: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (`dist/renderer`); without it only the API is served (dev server mode). */
  staticDir?: string | null;
  /** Normally generated per launch; tests and the dev server may pass their own. */
  token?: string;
  openOptions?: OpenOptions;
  /** Told about unexpected server-side failures (defaults to stderr). */
  onError?: (message: string) => void;
}

export interface BrowserHost {
  /** The address to open, carrying the token: `http://127.0.0.1:N/?token=…`. */
  url: string;
  /** `http://127.0.0.1:N`, without the token. */
  origin: string;
  port: number;
  token: string;
  core: Core;
  /** Stops listening, drops open connections, closes the workspace. Safe to call twice. */
  close(): Promise<void>;
}

/** The workspace Electron opens by default: `rapport.db` in the platform's user-data folder. */
export function defaultDatabaseFile(): string {
  return defaultWorkspacePath(defaultUserDataDir());
}

export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../../dist/renderer', import.meta.url));
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Serves the built renderer and the tRPC router over HTTP on 127.0.0.1 only. Every request under
 * `/trpc` must carry the launch token in `x-rapport-token` (401 otherwise, compared in constant
 * time); static files need no token, and the page learns the token only from the URL printed at
 * launch. Requests whose Host is not a loopback name are refused (DNS rebinding).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? generateToken();
  if (token.length < 16) throw new Error('The browser host token must be at least 16 characters.');
  const expected = digest(token);
  const report = options.onError ?? ((message: string) => process.stderr.write(`[rapport] ${message}\n`));
  const staticDir = options.staticDir ? path.resolve(options.staticDir) : null;

  const core = openCore(options.dbFile, options.openOptions);
  const api = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    createContext: () => core.context(),
    onError: ({ error, path: procedure }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') report(`${procedure ?? '?'}: ${error.message}`);
    },
  });

  const pageHeaders = {
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  const server = http.createServer((req, res) => {
    try {
      if (!isLoopbackHost(req.headers.host)) {
        sendText(res, 403, 'Rapport answers only to 127.0.0.1 / localhost.');
        return;
      }
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (pathname === '/trpc' || pathname.startsWith('/trpc/')) {
        if (!tokenMatches(req.headers[TOKEN_HEADER], expected)) {
          sendUnauthorized(res);
          return;
        }
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        api(req, res);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method not allowed.');
        return;
      }
      const file = staticDir ? resolveStaticFile(staticDir, pathname) : null;
      if (!file) {
        sendText(res, 404, staticDir && !fs.existsSync(path.join(staticDir, 'index.html')) ? 'The renderer is not built: run `npm run build:renderer`.' : 'Not found.');
        return;
      }
      sendStaticFile(req, res, file, { headers: pageHeaders, immutable: pathname.startsWith('/assets/') });
    } catch (error) {
      report(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    }
  });
  // Keep-alive sockets must not hold the process open at shutdown.
  server.keepAliveTimeout = 5_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port ?? 0, host: LOOPBACK_ADDRESS, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    core.close();
    throw error;
  }

  const port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK_ADDRESS}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    core,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(() => core.close());
      return closing;
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares digests, so neither the token's length nor its content leaks through timing. */
function tokenMatches(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1024) return false;
  return timingSafeEqual(digest(given), expected);
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return LOOPBACK_HOSTNAMES.has((hostname ?? '').toLowerCase());
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/**
 * Shaped like a tRPC error, so the client shows a readable message instead of a parse failure. It
 * carries no Rapport error code on purpose: the core never saw the request, and the page tells
 * "open the address Rapport printed" apart from a role refusal (FORBIDDEN) by the 401 alone.
 */
function sendUnauthorized(res: http.ServerResponse): void {
  const body = {
    error: {
      message: 'Missing or wrong Rapport token. Open the address Rapport printed when it started.',
      code: -32001,
      data: { code: 'UNAUTHORIZED', httpStatus: 401 },
    },
  };
  res.writeHead(401, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'WWW-Authenticate': 'Rapport-Token',
  });
  res.end(JSON.stringify(body));
}
