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
        await page.goto(host.url);
        const firstRow = page.getByRole('table', { name: 'Contacts' }).locator('[role="row"][aria-rowindex="2"]');
        await firstRow.getByText(expectedFirstName, { exact: true }).first().waitFor({ state: 'visible', timeout: 60_000 });
        timings.push({ hostReadyMs, firstRowMs: performance.now() - started });
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
