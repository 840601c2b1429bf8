import os from 'node:os';
import { expect, test } from '@playwright/test';
import { openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

const host = useFreshWorkspace();

test('every record has its history: a deal names the stages it moved between and the PC each change came from, a product and a pipeline open theirs', async ({ page }) => {
  await openFirstRun(page, host().url, 'Load sample data');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  const table = page.getByRole('table', { name: 'Deals' });
  const firstDeal = table.getByRole('link').first();
  const title = (await firstDeal.textContent())!.trim();
  await firstDeal.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const stageSelect = page.getByLabel('Move to stage');
  const stageName = (option: string) => option.replace(/\s*\(.*\)$/, '').trim();
  const stageBefore = stageName((await stageSelect.locator('option:checked').textContent())!);
  const target = (await stageSelect.locator('option').allTextContents()).map(stageName).find((name) => name !== stageBefore && name !== 'Won' && name !== 'Lost')!;
  await stageSelect.selectOption({ label: (await stageSelect.locator('option', { hasText: target }).textContent())! });
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const history = page.getByRole('list', { name: 'History' });
  const latest = history.getByRole('listitem').first();
  await expect(latest).toContainText('changed');
  // Who · which PC · when: the browser host runs on this machine, so the PC is its host name.
  await expect(latest.getByText(`on ${os.hostname()}`, { exact: true })).toBeVisible();
  const stageChange = latest.locator('.history__change', { has: page.getByRole('term').filter({ hasText: /^Stage$/ }) });
  await expect(stageChange.locator('.history__before')).toHaveText(stageBefore);
  await expect(stageChange.locator('.history__after')).toHaveText(target);
  await expect(history).not.toContainText('Sort title');
  const created = history.getByRole('listitem').last();
  await expect(created).toContainText('created this deal');
  // Amounts read as money and moments as dates, never as raw minor units or epoch milliseconds.
  await expect(created.locator('.history__change', { has: page.getByRole('term').filter({ hasText: /^Amount$/ }) })).toContainText(/\$[\d,]+\.\d\d/);
  await expect(history).not.toContainText(/\d{1,3}(,\d{3}){3,}/);
  await screenshot(page, '70-deal-history');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('table', { name: 'Products' }).getByRole('row').nth(1).getByRole('button').first().click();
  const productName = await page.getByLabel('Name', { exact: true }).inputValue();
  await page.getByRole('button', { name: `History of ${productName}` }).click();
  const productHistory = page.getByRole('dialog', { name: `History of ${productName}` });
  await expect(productHistory.getByRole('list', { name: 'History' }).getByRole('listitem').last()).toContainText('created this product');
  await screenshot(page, '71-product-history');
});
