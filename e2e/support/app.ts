import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app at the host's address and makes the first-run choice a new user would. */
export async function openFirstRun(page: Page, url: string, choice: 'Start empty' | 'Load sample data') {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
  await page.getByRole('button', { name: choice }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible({ timeout: 30_000 });
}

/** Settings › Staff (open on `page`): adds a member with `role` (its label) and an optional PIN. */
export async function addStaff(page: Page, name: string, role: string, pin?: string) {
  const staff = page.getByRole('region', { name: 'Staff' });
  await staff.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'New staff member' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Role').selectOption({ label: (await dialog.getByLabel('Role').locator('option', { hasText: role }).textContent())! });
  if (pin) await dialog.getByLabel('PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Add staff member' }).click();
  await expect(dialog).toBeHidden();
  await expect(staff.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

/** The app's address without the launch token (a reload keeps it in sessionStorage). */
export function appLink(page: Page, hash: string): string {
  const current = new URL(page.url());
  return `${current.origin}/${hash}`;
}

/**
 * Expects a field's message (what its aria-describedby points to: the hint, or the error that
 * replaces it), re-read until it matches. Reading the ids once and then waiting on those elements
 * raced a server's answer: the hint's id was read just before the error replaced it. A date field
 * is a group of segments all labelled by its label; the group comes first.
 */
export async function expectFieldMessage(page: Page, label: string, message: string, options: { contains?: boolean } = {}) {
  const field = page.getByLabel(label, { exact: true }).first();
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(field).toHaveAccessibleDescription(new RegExp(options.contains ? escaped : `^\\s*${escaped}\\s*$`));
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

/**
 * Types a value into one of the app's date/time fields (React Aria segments, ordered as the
 * interface language writes dates): 'YYYY-MM-DD', 'HH:MM' or 'YYYY-MM-DDTHH:MM', local time.
 * `field` is the field's group, e.g. `page.getByRole('group', { name: 'Due date', exact: true })`.
 */
export async function fillDateField(field: Locator, value: string) {
  const [, date = '', time = ''] = /^(\d{4}-\d{2}-\d{2})?T?(\d{2}:\d{2})?$/.exec(value) ?? [];
  const [year, month, day] = date ? date.split('-') : [];
  const [hour24 = '', minute] = time ? time.split(':') : [];
  const segments = field.getByRole('spinbutton');
  const twelveHour = (await field.locator('[data-type="dayPeriod"]').count()) > 0;
  const hour = twelveHour ? String(Number(hour24) % 12 || 12) : hour24;
  const parts: Record<string, string | undefined> = { year, month, day, hour, minute, dayPeriod: Number(hour24) >= 12 ? 'P' : 'A' };
  for (let index = 0, count = await segments.count(); index < count; index++) {
    const segment = segments.nth(index);
    const text = parts[(await segment.getAttribute('data-type')) ?? ''];
    if (text === undefined) continue;
    await segment.focus();
    await segment.pressSequentially(text);
  }
}
