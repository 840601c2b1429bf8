import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { openFirstRun, toastFrom } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();
const readmeScreenshot = fileURLToPath(new URL('../docs/contacts.png', import.meta.url));

test('sample data: a living CRM at once, with the list features', async ({ page }) => {
  await openFirstRun(page, host().url, 'Load sample data');
  const table = page.getByRole('table', { name: 'Contacts' });
  await expect(table.getByRole('row').nth(5)).toBeVisible();
  await expect(page.getByText(/^\d+ contacts$/)).toBeVisible();
  const total = Number((await page.getByText(/^\d+ contacts$/).textContent())!.split(' ')[0]);
  expect(total).toBeGreaterThan(150);
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  await page.mouse.move(0, 0);
  await screenshot(page, '20-contacts-sample');
  // The README's picture is refreshed on request only, so a test run never dirties the tree.
  if (process.env.RAPPORT_UPDATE_DOCS === '1') await screenshot(page, 'contacts', { path: readmeScreenshot });

  // Keyset paging as the user scrolls: rows past the first page arrive.
  await table.hover();
  const lastRowIndex = async () =>
    Math.max(...(await table.locator('[aria-rowindex]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))))));
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 2000);
        return lastRowIndex();
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(150);
  await screenshot(page, '20b-contacts-scrolled');
  await table.evaluate((element) => element.scrollTo({ top: 0 }));

  // Sort by clicking a header.
  const nameHeader = page.getByRole('columnheader', { name: 'Name' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');

  // Column chooser, remembered after a reload.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Columns' }).getByLabel('City').check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'City' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'City' })).toBeVisible();

  // Company filter: type part of a name, pick it from the suggestions with the keyboard.
  const companyFilter = page.getByRole('combobox', { name: 'Filter by company' });
  await companyFilter.fill('Bakery');
  const suggestion = page.getByRole('listbox', { name: 'Matching companies' }).getByRole('option').first();
  await expect(suggestion).toBeVisible();
  const companyName = (await suggestion.locator('span').first().textContent())!;
  await companyFilter.press('Enter');
  await expect(companyFilter).toHaveValue(companyName);
  await expect(page.getByText(/^\d+ matching contacts?$/)).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText(companyName);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(companyFilter).toHaveValue('');

  // Lifecycle filter.
  await page.getByRole('combobox', { name: 'Filter by lifecycle' }).selectOption({ label: 'Customer' });
  await expect(page.getByText(/^\d+ matching contacts$/)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(`${total} contacts`)).toBeVisible();
});

test('bulk tag and bulk delete with Undo', async ({ page }) => {
  await page.goto(host().url);
  const table = page.getByRole('table', { name: 'Contacts' });
  const rows = table.getByRole('row');
  await rows.nth(1).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await rows.nth(3).getByRole('checkbox').check();
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await expect(bulk.getByText('3 selected')).toBeVisible();
  await screenshot(page, '21-contacts-selected');

  await bulk.getByRole('button', { name: 'Tag…' }).click();
  const tagDialog = page.getByRole('dialog', { name: 'Tag 3 records' });
  await tagDialog.getByLabel('Tag', { exact: true }).selectOption({ label: 'New tag…' });
  await tagDialog.getByLabel('New tag name').fill('Spring fair');
  await tagDialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tagged 3 records with Spring fair' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'Spring fair' });
  await expect(page.getByText('3 matching contacts')).toBeVisible();

  await table.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  await bulk.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete 3 contacts?' });
  await screenshot(page, '22-bulk-delete-confirm');
  const toast = await toastFrom(page, () => confirm.getByRole('button', { name: 'Move to Trash' }).click(), '3 contacts moved to Trash');
  await expect(page.getByRole('heading', { name: 'No contacts match' })).toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('3 matching contacts')).toBeVisible();
});

test('companies list, a company page and the settings', async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).click();
  const table = page.getByRole('table', { name: 'Companies' });
  await expect(table.getByRole('row').nth(5)).toBeVisible();
  await screenshot(page, '23-companies');
  await page.getByRole('searchbox', { name: 'Search companies' }).fill('Bakery');
  await expect(page.getByText(/matching compan/)).toBeVisible();
  await table.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('region', { name: 'People' })).toBeVisible();
  await screenshot(page, '24-company-page', { fullPage: true });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await screenshot(page, '25-settings', { fullPage: true });
});

test('the list works from the keyboard', async ({ page }) => {
  await page.goto(host().url);
  const table = page.getByRole('table', { name: 'Contacts' });
  const rows = table.getByRole('row');
  const firstName = (await rows.nth(1).getByRole('link').first().textContent())!;
  const secondName = (await rows.nth(2).getByRole('link').first().textContent())!;
  await rows.nth(1).getByRole('link', { name: firstName }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2).getByRole('link', { name: secondName })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: secondName })).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('trash');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
});
