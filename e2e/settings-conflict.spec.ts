import { expect, test, type Page } from '@playwright/test';
import { openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';

const host = useFreshWorkspace();

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('two PCs change the workspace currency: the later save is refused and shows what the other saved', async ({ browser }) => {
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

  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('alert').filter({ hasText: 'Someone else changed these settings' })).toBeVisible();
  await expect(currency(second)).toHaveValue('EUR');

  // Choosing again saves on top of theirs.
  await currency(second).selectOption('GBP');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByText('Settings saved')).toBeVisible();
  await expect(second.getByRole('alert').filter({ hasText: 'Someone else changed these settings' })).toHaveCount(0);
});
