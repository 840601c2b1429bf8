import { expect, test } from '@playwright/test';
import { expectFieldMessage, toastFrom } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();
const NAME = '张伟明';
const EMAIL = 'zhang.weiming@example.cn';

test.describe('a new user keeps contacts', () => {
  test('first run: start empty, see the empty contacts list', async ({ page }) => {
    await page.goto(host().url);
    await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
    await screenshot(page, '01-first-run');
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
    await screenshot(page, '02-contacts-empty');
  });

  test('bad input shows the message beside the field and saves nothing', async ({ page }) => {
    await page.goto(host().url);
    await page.getByRole('link', { name: 'New contact' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();
    await page.getByRole('button', { name: 'Create contact' }).click();
    await expectFieldMessage(page, 'Name', 'Required');

    await page.getByLabel('Name', { exact: true }).fill('Broken Email');
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Create contact' }).click();
    const emailField = page.getByLabel('Email', { exact: true });
    await expect(emailField).toHaveAttribute('aria-invalid', 'true');
    await expectFieldMessage(page, 'Email', 'Not a valid email address');
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'false');
    await screenshot(page, '03-contact-form-invalid', { fullPage: true });

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  });

  test('create a contact with a Chinese name and an email', async ({ page }) => {
    await page.goto(host().url);
    await page.getByRole('link', { name: 'New contact' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByLabel('Phone', { exact: true }).fill('+86 138 0013 8000');
    await page.getByLabel('Lifecycle').selectOption({ label: 'Prospect' });
    await page.getByLabel('City').fill('上海');
    await screenshot(page, '04-contact-form', { fullPage: true });
    await page.getByRole('button', { name: 'Create contact' }).click();

    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Contact ${NAME} created` })).toBeVisible();
    await expect(page.getByRole('link', { name: EMAIL })).toBeVisible();
    await screenshot(page, '05-contact-page', { fullPage: true });
  });

  test('a new contact with the same email gets a duplicate warning', async ({ page }) => {
    await page.goto(host().url);
    await page.getByRole('link', { name: 'New contact' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Zhang Weiming');
    await page.getByLabel('Email', { exact: true }).fill(EMAIL.toUpperCase());
    const warning = page.getByRole('status').filter({ hasText: 'This may be a duplicate' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('link', { name: NAME })).toBeVisible();
    await screenshot(page, '06-duplicate-warning');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('find it by a two-character search in the list and in the palette', async ({ page }) => {
    await page.goto(host().url);
    await page.getByRole('link', { name: 'New contact' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Li Na');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Li Na' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();

    const table = page.getByRole('table', { name: 'Contacts' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('张伟');
    await expect(page.getByText('1 matching contact')).toBeVisible();
    await expect(table.getByRole('link', { name: NAME })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Li Na' })).toHaveCount(0);
    await screenshot(page, '07-contacts-search');

    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await expect(palette).toBeVisible();
    await palette.getByRole('combobox', { name: 'Search contacts, companies, deals and commands' }).fill('张伟');
    const option = palette.getByRole('option', { name: new RegExp(NAME) });
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await screenshot(page, '08-palette-search');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  });

  test('edit it; the history shows who changed what', async ({ page }) => {
    await page.goto(host().url);
    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: NAME }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Job title').fill('采购经理');
    await page.getByLabel('Lifecycle').selectOption({ label: 'Customer' });
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('status').filter({ hasText: `Saved ${NAME}` })).toBeVisible();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByText('采购经理')).toBeVisible();
    const history = page.getByRole('list', { name: 'History' });
    await expect(history.getByText('Owner changed')).toBeVisible();
    await expect(history.getByRole('listitem').first()).toContainText('Job title');
    await expect(history.getByRole('listitem').first()).toContainText('Customer');
    await screenshot(page, '09-contact-edited', { fullPage: true });
  });

  test('tag it, creating the tag inline, and add a note', async ({ page }) => {
    await page.goto(host().url);
    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: NAME }).click();
    await page.getByRole('combobox', { name: 'Add tag' }).fill('重要客户');
    await expect(page.getByRole('option', { name: 'Create tag “重要客户”' })).toBeVisible();
    await page.keyboard.press('Enter');
    const tags = page.getByRole('list', { name: 'Tags' });
    await expect(tags.getByText('重要客户')).toBeVisible();
    await expect(tags.getByRole('button', { name: 'Remove tag 重要客户' })).toBeVisible();

    await page.getByRole('textbox', { name: 'New note' }).fill('第一次拜访：对新产品很感兴趣。');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('list', { name: 'Notes' }).getByText('第一次拜访：对新产品很感兴趣。')).toBeVisible();
    await screenshot(page, '10-contact-tagged', { fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: '重要客户' });
    await expect(page.getByText('1 matching contact')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText('2 contacts')).toBeVisible();
  });

  test('delete it, undo, delete again and restore it from the Trash', async ({ page }) => {
    await page.goto(host().url);
    const table = page.getByRole('table', { name: 'Contacts' });
    await table.getByRole('link', { name: NAME }).click();
    const toast = await toastFrom(page, () => page.getByRole('button', { name: 'Delete', exact: true }).click(), `${NAME} moved to Trash`);
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await expect(table.getByRole('link', { name: NAME })).toHaveCount(0);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await expect(row).toBeVisible();
    await screenshot(page, '11-trash');
    await toastFrom(page, () => row.getByRole('button', { name: `Restore ${NAME}` }).click(), `${NAME} restored`);
    await expect(page.getByRole('heading', { name: 'The Trash is empty' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await expect(table.getByRole('link', { name: NAME })).toBeVisible();
    await expect(page.getByText('2 contacts')).toBeVisible();
  });

  test('the interface switches to Chinese and to the dark theme at run time', async ({ page }) => {
    await page.goto(host().url);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await expect(page.getByRole('heading', { level: 1, name: '联系人' })).toBeVisible();
    await expect(page.getByText('共 2 位联系人')).toBeVisible();
    await page.getByRole('button', { name: '深色主题' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await screenshot(page, '12-contacts-zh-dark');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '联系人' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});
