import { expect, test, type Page } from '@playwright/test';
import { openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';

const host = useFreshWorkspace();

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('two PCs change the workspace currency: the later save asks which currency to keep, and keeps the one chosen', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await openFirstRun(first, host().url, 'Start empty');
  await second.goto(host().url);
  await expect(second.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await openSettings(first);
  await openSettings(second);

  // Both are editing at once: the second has made its choice before the first saves.
  const currency = (page: Page) => page.getByLabel('Currency for prices and totals');
  await currency(second).selectOption('GBP');
  await currency(first).selectOption('EUR');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByText('Settings saved')).toBeVisible();

  // Nothing is overwritten silently: the same field changed on both PCs is a choice.
  await second.getByRole('button', { name: 'Save' }).click();
  const dialog = second.getByRole('alertdialog', { name: 'Someone else saved these settings' });
  const choice = dialog.getByRole('radiogroup', { name: 'Currency for prices and totals' });
  await expect(dialog.getByRole('radiogroup')).toHaveCount(1);
  await expect(choice.getByRole('radio', { name: 'Keep theirs: EUR' })).toBeVisible();
  await choice.getByRole('radio', { name: 'Use mine: GBP' }).check();
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByRole('status').filter({ hasText: /merged with the changes .+ made meanwhile/ })).toBeVisible();
  await expect(currency(second)).toHaveValue('GBP');
  await first.reload();
  await expect(currency(first)).toHaveValue('GBP');

  // The next save starts from what was saved: no conflict with its own write.
  await currency(second).selectOption('EUR');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByText('Settings saved')).toBeVisible();
  await expect(second.getByRole('alertdialog')).toHaveCount(0);
});
