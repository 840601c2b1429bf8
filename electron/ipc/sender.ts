import { APP_HOST, APP_SCHEME } from '../shared/app-protocol';

export interface TrustedRenderer {
  /** The Vite dev server's URL when the app runs against it (development only). */
  devServerUrl?: string | undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a URL is our own renderer: `app://rapport/index.html` (the built renderer, served by our
 * protocol handler, any hash route), or a page of the loopback dev server. Everything else (file://,
 * remote pages, data:, about:blank) is foreign.
 */
export function isTrustedRendererUrl(url: string, trusted: TrustedRenderer): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST && parsed.pathname === '/index.html';
  if (trusted.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    const dev = new URL(trusted.devServerUrl);
    return LOOPBACK_HOSTS.has(dev.hostname) && parsed.origin === dev.origin;
  }
  return false;
}

/** The part of an IPC event's sender frame that is checked (null when it navigated away or was destroyed). */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent?: unknown;
}

/** Only our renderer's main frame may ask for anything: no sub-frame, no foreign page, no destroyed frame. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, trusted: TrustedRenderer): boolean {
  if (!frame || !frame.url) return false;
  if (frame.parent !== undefined && frame.parent !== null) return false;
  return isTrustedRendererUrl(frame.url, trusted);
}
