import { expect, test, type Page } from '@playwright/test';
import { addStaff, expectFieldMessage, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

const host = useFreshWorkspace();

/** Calls the API as this tab does (its token, its session), bypassing the UI. */
function apiCall(page: Page, procedure: string, input: unknown) {
  return page.evaluate(
    async ({ procedure, input }) => {
      const response = await fetch(`/trpc/${procedure}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-rapport-token': sessionStorage.getItem('rapport.token') ?? '',
          'x-rapport-session': sessionStorage.getItem('rapport.session') ?? '',
        },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { error?: { data: { rapport: { code: string } } }; result?: { data: unknown } };
    },
    { procedure, input },
  );
}

async function switchTo(page: Page, name: string) {
  await page.getByRole('button', { name: 'Sign out / switch user' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who are you?' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
}

test('the owner adds staff; staff sign in with a PIN and are named in history; read-only users change nothing', async ({ page }) => {
  await openFirstRun(page, host().url, 'Start empty');
  expect((await apiCall(page, 'people.contacts.create', { name: 'Ada Lovelace' })).result).toBeTruthy();

  // Settings › Staff: the owner adds a staff member with a PIN and a read-only member.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await addStaff(page, 'Sam Staff', 'Staff', '2468');
  await addStaff(page, 'Rita Reader', 'Read-only');
  await expect(page.getByRole('region', { name: 'Staff' }).getByRole('row', { name: /Sam Staff/ })).toContainText('PIN set');
  await screenshot(page, '80-settings-staff');

  // Switch user: a wrong PIN is refused beside the PIN field, the right one signs in.
  await switchTo(page, 'Sam Staff');
  await page.getByLabel('PIN').fill('1111');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectFieldMessage(page, 'PIN', 'Wrong PIN');
  await screenshot(page, '81-sign-in-wrong-pin');
  await page.getByLabel('PIN').fill('2468');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where the owner left off (Settings), now as the staff member, who does not manage staff.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('Sam Staff', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Staff' })).toHaveCount(0);
  expect((await apiCall(page, 'system.staff.create', { name: 'Sneaky', role: 'owner' })).error?.data.rapport.code).toBe('FORBIDDEN');

  // Nor pipelines: the board offers them no way in.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(page.getByRole('link', { name: 'New deal' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Stages…' })).toHaveCount(0);

  // The staff member edits a contact; its history names them.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Job title').fill('Analyst');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'History' }).getByRole('listitem').first()).toContainText('Sam Staff changed');
  await screenshot(page, '82-history-names-staff');

  // Read-only: no New, Edit or Delete anywhere, a quiet badge, and the core refuses a direct write.
  await switchTo(page, 'Rita Reader');
  await expect(page.getByLabel('PIN')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Ada Lovelace/ })).toBeVisible();
  await expect(page.getByText('Read-only', { exact: true })).toBeVisible();
  for (const name of ['Edit', 'Delete', 'Add task', 'Log call', 'Add note']) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await screenshot(page, '83-read-only-contact');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('row', { name: /Ada Lovelace/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New contact' })).toHaveCount(0);
  expect((await apiCall(page, 'people.contacts.create', { name: 'Sneaky' })).error?.data.rapport.code).toBe('READ_ONLY');
});
