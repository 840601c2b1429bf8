import { expect, test } from '@playwright/test';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();

test('an address without its token, or with an earlier launch’s, says to open the printed address', async ({ page }) => {
  const origin = new URL(host().url).origin;
  const heading = page.getByRole('heading', { level: 1, name: 'Open Rapport from the address it printed' });

  // Typed by hand or from a bookmark: no token at all.
  await page.goto(`${origin}/`);
  await expect(heading).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Open the address on the line that starts with Rapport is running at' })).toBeVisible();
  await expect(page.getByText('Your role does not allow this')).toHaveCount(0);
  await screenshot(page, '60-open-from-address-en');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '请从 Rapport 显示的地址打开' })).toBeVisible();
  await screenshot(page, '60-open-from-address-zh');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  // The address of an earlier launch: same port (with --port), another token.
  await page.goto(`${origin}/?token=from-an-earlier-launch-0123456789`);
  await expect(heading).toBeVisible();
  // The token is still taken out of the address bar.
  expect(new URL(page.url()).search).toBe('');

  // The address Rapport printed works, and replaces the stale token kept for this tab.
  await page.goto(host().url);
  await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
});
