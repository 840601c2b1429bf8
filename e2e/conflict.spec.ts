import { expect, test, type Page } from '@playwright/test';
import { openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

const host = useFreshWorkspace();

async function openContact(page: Page, url: string, name: string) {
  await page.goto(url);
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('two people edit the same contact: the second sees the conflict and chooses', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const first = await alice.newPage();
  const second = await bob.newPage();

  await openFirstRun(first, host().url, 'Start empty');
  await first.getByRole('link', { name: 'New contact' }).first().click();
  await first.getByLabel('Name', { exact: true }).fill('王芳');
  await first.getByLabel('Email', { exact: true }).fill('wang.fang@example.cn');
  await first.getByRole('button', { name: 'Create contact' }).click();
  await expect(first.getByRole('heading', { level: 1, name: '王芳' })).toBeVisible();

  await openContact(first, host().url, '王芳');
  await openContact(second, host().url, '王芳');
  await first.getByRole('button', { name: 'Edit', exact: true }).click();
  await second.getByRole('button', { name: 'Edit', exact: true }).click();

  await first.getByLabel('Job title').fill('Store manager');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('region', { name: 'Details' }).getByText('Store manager')).toBeVisible();

  await second.getByLabel('Job title').fill('Buyer');
  await second.getByLabel('City').fill('杭州');
  await second.getByRole('button', { name: 'Save' }).click();
  const dialog = second.getByRole('alertdialog', { name: 'Someone else saved this contact' });
  await expect(dialog).toBeVisible();
  const jobRow = dialog.getByRole('row', { name: /Job title/ });
  await expect(jobRow.getByRole('cell').nth(0)).toHaveText('Store manager');
  await expect(jobRow.getByRole('cell').nth(1)).toHaveText('Buyer');
  await screenshot(second, '13-conflict-dialog');

  // Nothing was silently overwritten: the first user's value is still what is saved.
  await first.reload();
  await expect(first.getByRole('region', { name: 'Details' }).getByText('Store manager')).toBeVisible();

  await dialog.getByRole('button', { name: 'Use mine' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByRole('status').filter({ hasText: 'Saved 王芳' })).toBeVisible();
  const details = second.getByRole('region', { name: 'Details' });
  await expect(details.getByText('Buyer')).toBeVisible();
  await expect(details.getByText('杭州')).toBeVisible();

  // The first user edits from the page they loaded before: now they are the stale one and keep theirs.
  await first.goBack();
  await openContact(first, host().url, '王芳');
  await first.getByRole('button', { name: 'Edit', exact: true }).click();
  await second.getByRole('button', { name: 'Edit', exact: true }).click();
  await second.getByLabel('Job title').fill('Head buyer');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('region', { name: 'Details' }).getByText('Head buyer')).toBeVisible();

  await first.getByLabel('Job title').fill('Owner');
  await first.getByRole('button', { name: 'Save' }).click();
  const firstDialog = first.getByRole('alertdialog', { name: 'Someone else saved this contact' });
  await expect(firstDialog).toBeVisible();
  await firstDialog.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(firstDialog).toBeHidden();
  await expect(first.getByRole('region', { name: 'Details' }).getByText('Head buyer')).toBeVisible();
  await expect(first.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();

  await alice.close();
  await bob.close();
});

test('a contact deleted by someone else while it is being edited: the editor is told, and restores it with their changes', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const first = await alice.newPage();
  const second = await bob.newPage();

  await first.goto(host().url);
  await first.getByRole('link', { name: 'New contact' }).first().click();
  await first.getByLabel('Name', { exact: true }).fill('李强');
  await first.getByRole('button', { name: 'Create contact' }).click();
  await expect(first.getByRole('heading', { level: 1, name: '李强' })).toBeVisible();

  await openContact(second, host().url, '李强');
  await second.getByRole('button', { name: 'Edit', exact: true }).click();
  await second.getByLabel('Job title').fill('Buyer');

  await first.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(first.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

  await second.getByRole('button', { name: 'Save' }).click();
  const dialog = second.getByRole('alertdialog', { name: 'Someone else deleted this contact' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/deleted it \(moved it to the Trash\)|deleted \(moved to the Trash\)/);
  await expect(dialog.getByRole('button', { name: 'Discard my changes' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore and save mine' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByRole('status').filter({ hasText: 'Saved 李强' })).toBeVisible();
  await expect(second.getByRole('region', { name: 'Details' }).getByText('Buyer')).toBeVisible();

  await first.reload();
  await expect(first.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: '李强' })).toBeVisible();

  await alice.close();
  await bob.close();
});
