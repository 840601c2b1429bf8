import { expect, test, type Page } from '@playwright/test';
import { addStaff, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

const host = useFreshWorkspace();

async function signIn(page: Page, name: string, pin?: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Who are you?' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  if (pin) await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('complementary').getByText(name, { exact: true })).toBeVisible();
}

async function createContact(page: Page, name: string, options: { private?: boolean } = {}) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'New contact' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (options.private) {
    await page.getByLabel('Owner').selectOption({ label: 'Owner' });
    await page.getByRole('checkbox', { name: 'Private' }).check();
  }
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a private contact is seen by its owner and managers only: not in a staff member’s list, search or palette', async ({ context }) => {
  const owner = await context.newPage();
  await openFirstRun(owner, host().url, 'Start empty');
  await createContact(owner, 'Open Lee');
  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await addStaff(owner, 'Sam Staff', 'Staff', '2468');
  await owner.getByRole('button', { name: 'Sign out / switch user' }).click();
  await signIn(owner, 'Owner');

  await createContact(owner, 'Secret Lee', { private: true });
  await expect(owner.getByRole('heading', { level: 1, name: 'Secret Lee' })).toContainText('Private');
  await screenshot(owner, '71-private-contact');
  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const ownerRows = owner.getByRole('table', { name: 'Contacts' });
  await expect(ownerRows.getByRole('row', { name: /Secret Lee/ }).getByRole('img', { name: 'Private' })).toBeVisible();
  await expect(ownerRows.getByRole('row', { name: /Open Lee/ }).getByRole('img', { name: 'Private' })).toHaveCount(0);

  // Another tab is another person: the staff member sees only the open contact, wherever they look.
  const staff = await context.newPage();
  await staff.goto(host().url);
  await signIn(staff, 'Sam Staff', '2468');
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const staffRows = staff.getByRole('table', { name: 'Contacts' });
  await expect(staffRows.getByRole('link', { name: 'Open Lee' })).toBeVisible();
  await expect(staffRows.getByRole('link', { name: 'Secret Lee' })).toHaveCount(0);
  await staff.getByRole('searchbox', { name: 'Search contacts' }).fill('Lee');
  await expect(staff.getByText('1 matching contact')).toBeVisible();
  await expect(staffRows.getByRole('link', { name: 'Secret Lee' })).toHaveCount(0);

  await staff.getByRole('searchbox', { name: 'Search contacts' }).fill('');
  await staff.keyboard.press('Control+K');
  const palette = staff.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search contacts, companies, deals and commands' }).fill('Lee');
  await expect(palette.getByRole('option', { name: /Open Lee/ })).toBeVisible();
  await expect(palette.getByRole('option', { name: /Secret Lee/ })).toHaveCount(0);
  await staff.keyboard.press('Escape');

  // Staff keep private only what they own: making the owner-less contact private is refused on the field, nothing saved.
  await staffRows.getByRole('link', { name: 'Open Lee' }).click();
  await staff.getByRole('button', { name: 'Edit', exact: true }).click();
  await staff.getByRole('checkbox', { name: 'Private' }).check();
  await staff.getByRole('button', { name: 'Save' }).click();
  await expect(staff.getByRole('alert').filter({ hasText: 'A private record is seen only by its owner and managers' })).toBeVisible();
  await screenshot(staff, '72-private-refused');
  await owner.reload();
  await expect(owner.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Open Lee/ }).getByRole('img', { name: 'Private' })).toHaveCount(0);
});

test('a contact staff may see shows its private company as “Private”: the name never, nor a way to it', async ({ context }) => {
  // The workspace of the test before: Sam Staff (PIN 2468) is a colleague there.
  const owner = await context.newPage();
  await owner.goto(host().url);
  await signIn(owner, 'Owner');

  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
  await owner.getByRole('link', { name: 'New company' }).first().click();
  await owner.getByLabel('Name', { exact: true }).fill('Quietwater Holdings');
  await owner.getByLabel('Owner').selectOption({ label: 'Owner' });
  await owner.getByRole('checkbox', { name: 'Private' }).check();
  await owner.getByRole('button', { name: 'Create company' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Quietwater Holdings' })).toBeVisible();

  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await owner.getByRole('link', { name: 'New contact' }).first().click();
  await owner.getByLabel('Name', { exact: true }).fill('Quiet Chen');
  await owner.getByLabel('Company').fill('Quietwater');
  await owner.getByRole('option', { name: /Quietwater Holdings/ }).click();
  await owner.getByRole('button', { name: 'Create contact' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: 'Quiet Chen' })).toBeVisible();
  await expect(owner.getByRole('main').getByRole('link', { name: 'Quietwater Holdings' }).first()).toBeVisible();

  const staff = await context.newPage();
  await staff.goto(host().url);
  await signIn(staff, 'Sam Staff', '2468');
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  const row = staff.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Quiet Chen/ });
  await expect(row).toContainText('Private');
  await expect(row).not.toContainText('Quietwater');
  await row.getByRole('link', { name: 'Quiet Chen' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Quiet Chen' })).toBeVisible();
  await expect(staff.getByRole('main')).toContainText('Private company');
  await expect(staff.getByRole('main')).not.toContainText('Quietwater');
  await expect(staff.getByRole('main').getByRole('link', { name: /Private/ })).toHaveCount(0);
  await screenshot(staff, '73-private-company-hidden');
});
