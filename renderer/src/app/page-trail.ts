/**
 * Where this window has been, as a back button would see it: every page visited, with the title
 * it showed. Going to the page before the current one counts as going back (the trail shortens),
 * so a back link never sends the user round in a loop. Kept for the tab, across reloads.
 */
export interface TrailEntry {
  to: string;
  title: string;
}

const STORAGE_KEY = 'rapport.trail';
const MAX_ENTRIES = 50;

function currentAddress(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : `/${hash}`;
}

function load(): TrailEntry[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as TrailEntry[];
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

let trail: TrailEntry[] = [];

function save() {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(trail.slice(-MAX_ENTRIES)));
}

let replacing = false;

/** The next address replaces the current page in the trail (a new record's page replaces its form). */
export function replaceTrailTop() {
  replacing = true;
}

function arrive(to: string) {
  if (replacing) {
    replacing = false;
    trail.pop();
  }
  if (trail.at(-1)?.to === to) return;
  if (trail.at(-2)?.to === to) trail.pop();
  else trail.push({ to, title: '' });
  save();
}

/** Starts following the window's address (once, before the first render). */
export function startPageTrail() {
  trail = load();
  arrive(currentAddress());
  window.addEventListener('hashchange', () => arrive(currentAddress()));
}

/** The current page's own title, for the back link of the page after it. */
export function setTrailTitle(title: string) {
  const top = trail.at(-1);
  if (!top || top.to !== currentAddress() || top.title === title) return;
  top.title = title;
  save();
}

/** The page before this one, if the user came from somewhere inside the app. */
export function previousPage(): TrailEntry | null {
  const previous = trail.at(-2);
  return previous && previous.title ? previous : null;
}
