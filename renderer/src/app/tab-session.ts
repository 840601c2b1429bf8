import { TAB_SESSION_ID } from '../../../db/contract/host';

const ID_KEY = 'rapport.session';
/** Set while this tab's page is open; a page that finds it set was copied from a live tab. */
const LIVE_KEY = 'rapport.session.live';

let current: string | undefined;

/**
 * This tab's session id for the browser host (each tab signs in on its own). It lives in
 * sessionStorage, so a reload keeps it and a new tab makes its own. A duplicated tab (or one opened
 * with an opener) starts with a copy of the original's sessionStorage, id included: the live mark
 * tells it so, and it makes its own id rather than act as the other tab's user. The mark is taken
 * down when the page goes away (a reload finds the id unmarked and keeps it) and put back if the
 * page comes back from the back/forward cache.
 */
export function tabSessionId(): string {
  if (current) return current;
  const stored = sessionStorage.getItem(ID_KEY);
  const copied = sessionStorage.getItem(LIVE_KEY) !== null;
  current = stored && TAB_SESSION_ID.test(stored) && !copied ? stored : newSessionId();
  sessionStorage.setItem(ID_KEY, current);
  sessionStorage.setItem(LIVE_KEY, '1');
  window.addEventListener('pagehide', () => sessionStorage.removeItem(LIVE_KEY));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) sessionStorage.setItem(LIVE_KEY, '1');
  });
  return current;
}

function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}
