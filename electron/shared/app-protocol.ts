/**
 * Electron serves the built renderer from `app://rapport/…` (electron/main/app-protocol.ts), so
 * every response carries the one strict CSP header, as the browser host's do; file:// pages could
 * only take a weaker meta tag.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rapport';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
