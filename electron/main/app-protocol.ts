/**
 * `app://rapport/…`: the built renderer, served by main with the same strict headers the browser
 * host sends (one CSP in every host). Registered as standard and secure before `ready`, so the page
 * has a real origin, `'self'` means our files, and nothing else on disk is reachable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { contentTypeOf, resolveStaticFile } from '../browser-host/static';
import { APP_HOST, APP_SCHEME } from '../shared/app-protocol';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** The response for one `app://` request: a file of `rendererDir`, or 404. */
export function appProtocolResponse(url: string, rendererDir: string, csp: string): Response {
  const parsed = new URL(url);
  const file = parsed.host === APP_HOST ? resolveStaticFile(rendererDir, parsed.pathname) : null;
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (!file) return new Response('Not found.', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(fs.readFileSync(file), { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
}

/** Serves `app://rapport/` from the built renderer folder. Call once the app is ready. */
export function handleAppProtocol(rendererIndex: string, csp: string): void {
  const rendererDir = path.dirname(rendererIndex);
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, rendererDir, csp));
}
