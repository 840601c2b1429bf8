import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TrustedRenderer {
  /** Absolute path of the built renderer's index.html, loaded over file://. */
  rendererIndexFile: string;
  /** The Vite dev server's URL when the app runs against it (development only). */
  devServerUrl?: string | undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a URL is our own renderer: exactly our index.html over file:// (any hash route), or a
 * page of the loopback dev server. Everything else (other files, remote pages, data:, about:blank)
 * is foreign.
 */
export function isTrustedRendererUrl(url: string, trusted: TrustedRenderer): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    if (parsed.host !== '' && parsed.host !== 'localhost') return false;
    let file: string;
    try {
      file = fileURLToPath(new URL(parsed.pathname, 'file://'));
    } catch {
      return false;
    }
    return samePath(path.resolve(file), path.resolve(trusted.rendererIndexFile));
  }
  if (trusted.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    const dev = new URL(trusted.devServerUrl);
    return LOOPBACK_HOSTS.has(dev.hostname) && parsed.origin === dev.origin;
  }
  return false;
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}
