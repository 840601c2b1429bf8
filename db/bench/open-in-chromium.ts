/**
 * Issue 7 §8: opening the app on the seeded file to the first contacts-list row on screen, in the
 * system Chromium (never a downloaded browser) against the browser host, as a user starts it: the
 * host process starts on the file and its core opens it (checks, PRAGMA optimize), the host prints
 * its address, the browser that is already running loads it, and the clock stops when the first row
 * of the contacts list is shown. Each run is a fresh host process; the browser's own start is
 * outside the clock (the browser host opens a tab in a browser the user already has).
 */
import { chromium } from 'playwright-core';
import playwrightConfig from '../../e2e/playwright.config';
import { startHostProcess } from './host-memory';

export interface OpenTiming {
  /** From starting the host until it listens with the file open. */
  hostReadyMs: number;
  /** From starting the host until the first row of the contacts list is shown. */
  firstRowMs: number;
  /**
   * Where the time between goes, each from starting the host (as the bench process sees the page's
   * events, so a little late): the renderer's script received, the page's script run
   * (DOMContentLoaded), the first API request sent, and the request carrying the contacts list sent
   * and answered. What follows the last is the renderer drawing the rows.
   */
  phases: { scriptLoadedMs: number; scriptRunMs: number; firstApiRequestMs: number; listRequestedMs: number; listAnsweredMs: number };
}

/** The name of the phase the most time went to before it, for the bench's one-line summary. */
export function describePhases(open: OpenTiming): string {
  const { scriptLoadedMs, scriptRunMs, firstApiRequestMs, listRequestedMs, listAnsweredMs } = open.phases;
  const steps: [string, number][] = [
    ['host ready', open.hostReadyMs],
    ['script loaded', scriptLoadedMs],
    ['script run', scriptRunMs],
    ['first API request', firstApiRequestMs],
    ['list requested', listRequestedMs],
    ['list answered', listAnsweredMs],
    ['first row shown', open.firstRowMs],
  ];
  return steps.map(([name, at], index) => `${name} +${(at - (index ? steps[index - 1]![1] : 0)).toFixed(0)}`).join(', ');
}

/**
 * `expectedFirstName`: the name the first row must show (the default list's first contact by name),
 * so a page that shows the wrong rows, or a loading placeholder, is not timed as a success.
 */
export async function measureOpenToFirstRow(file: string, expectedFirstName: string, hostEntry: string, runs = 3): Promise<OpenTiming[]> {
  // The same Chromium and switches as the end-to-end tests.
  const { launchOptions, viewport, locale, timezoneId } = playwrightConfig.use ?? {};
  const browser = await chromium.launch({ ...launchOptions, headless: true });
  const timings: OpenTiming[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport, locale, timezoneId });
      const page = await context.newPage();
      const started = performance.now();
      const host = await startHostProcess(file, hostEntry);
      try {
        const hostReadyMs = performance.now() - started;
        const at = () => performance.now() - started;
        const phases = { scriptLoadedMs: Number.NaN, scriptRunMs: Number.NaN, firstApiRequestMs: Number.NaN, listRequestedMs: Number.NaN, listAnsweredMs: Number.NaN };
        const isList = (url: string) => url.includes('/trpc/') && url.includes('people.contacts.list');
        page.on('request', (request) => {
          const url = request.url();
          if (url.includes('/trpc/') && Number.isNaN(phases.firstApiRequestMs)) phases.firstApiRequestMs = at();
          if (isList(url) && Number.isNaN(phases.listRequestedMs)) phases.listRequestedMs = at();
        });
        page.on('requestfinished', (request) => {
          const url = request.url();
          if (request.resourceType() === 'script' && Number.isNaN(phases.scriptLoadedMs)) phases.scriptLoadedMs = at();
          if (isList(url) && Number.isNaN(phases.listAnsweredMs)) phases.listAnsweredMs = at();
        });
        page.once('domcontentloaded', () => (phases.scriptRunMs = at()));
        await page.goto(host.url);
        const firstRow = page.getByRole('table', { name: 'Contacts' }).locator('[role="row"][aria-rowindex="2"]');
        await firstRow.getByText(expectedFirstName, { exact: true }).first().waitFor({ state: 'visible', timeout: 60_000 });
        timings.push({ hostReadyMs, firstRowMs: at(), phases });
      } finally {
        host.stop();
        await host.exited;
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return timings;
}
