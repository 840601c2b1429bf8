const STORAGE_KEY = 'rapport.token';

/**
 * The browser host opens the app at `/?token=…`. Keep the token for this tab (so reloads work) and
 * take it out of the address bar so it is not copied around with the URL.
 */
export function readSessionToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(STORAGE_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    const cleanUrl = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', cleanUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
