import { expect, type Page } from '@playwright/test';

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
