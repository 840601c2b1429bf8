import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app at the host's address and makes the first-run choice a new user would. */
export async function openFirstRun(page: Page, url: string, choice: 'Start empty' | 'Load sample data') {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
  await page.getByRole('button', { name: choice }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible({ timeout: 30_000 });
}

/** The app's address without the launch token (a reload keeps it in sessionStorage). */
export function appLink(page: Page, hash: string): string {
  const current = new URL(page.url());
  return `${current.origin}/${hash}`;
}

/** A field's accessible error message: the element its aria-describedby points to. */
export async function describedBy(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  return page.locator(ids.split(' ').map((id) => `[id="${id}"]`).join(', '));
}

/**
 * Runs a user action and returns the toast that action raised, found by being newer than every
 * toast on screen before it (ids only grow), not by its text alone: an earlier toast saying the
 * same thing can still be fading out.
 */
export async function toastFrom(page: Page, action: () => Promise<void>, text: string | RegExp): Promise<Locator> {
  const newestId = () =>
    page.locator('[data-toast-id]').evaluateAll((toasts) => Math.max(0, ...toasts.map((toast) => Number(toast.getAttribute('data-toast-id')))));
  const before = await newestId();
  await action();
  await expect.poll(newestId).toBeGreaterThan(before);
  const toast = page.locator(`[data-toast-id="${await newestId()}"]`);
  await expect(toast).toContainText(text);
  return toast;
}
