import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectFieldMessage, openFirstRun } from './support/app';
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

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test('Settings speaks plainly, keeps the technical facts under About, and opens or creates another database', async ({ page }) => {
  const first = host().dbFile;
  const folder = path.dirname(first);
  await openFirstRun(page, host().url, 'Start empty');
  await openSettings(page);

  const database = page.getByRole('region', { name: 'Your database' });
  await expect(database.getByRole('definition').filter({ hasText: 'No · fast local mode' })).toBeVisible();
  await expect(database).toContainText('rapport.db');
  const about = page.getByRole('region', { name: 'About' });
  await expect(about).toContainText(first);
  await expect(about).toContainText('WAL (write-ahead log)');
  await expect(about.getByText('Schema version')).toBeVisible();
  await expect(about.getByText('Integrity check')).toBeVisible();
  await screenshot(page, '61-settings-en', { fullPage: true });

  // Refusals are shown beside the field, and the database open now stays open.
  const field = page.getByLabel('Database file', { exact: true });
  const open = page.getByRole('button', { name: 'Open', exact: true });
  const create = page.getByRole('button', { name: 'Create new database' });
  await field.fill('missing.db');
  await open.click();
  await expectFieldMessage(page, 'Database file', 'There is no file there.', { contains: true });
  expect(fs.existsSync(path.join(folder, 'missing.db'))).toBe(false);

  const letter = path.join(folder, 'letter.txt');
  fs.writeFileSync(letter, 'Dear customer, this is not a database.');
  await field.fill(letter);
  await open.click();
  await expectFieldMessage(page, 'Database file', 'That file is not a Rapport database. It was left untouched.', { contains: true });
  await create.click();
  await expectFieldMessage(page, 'Database file', 'Rapport never replaces a file', { contains: true });
  expect(fs.readFileSync(letter, 'utf8')).toBe('Dear customer, this is not a database.');

  // A damaged database (a SQLite header, then junk) is named as damaged, with the way back.
  const garbled = path.join(folder, 'garbled.db');
  const garbledBytes = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0xee)]);
  fs.writeFileSync(garbled, garbledBytes);
  await field.fill(garbled);
  await open.click();
  await expectFieldMessage(page, 'Database file', 'That database is damaged. It was left untouched; restore it from a backup.', { contains: true });
  expect(fs.readFileSync(garbled).equals(garbledBytes)).toBe(true);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '62-settings-open-refused-en', { fullPage: true });
  await expect(about).toContainText(first);

  // A new database beside the first: the app reloads on it and starts with the first-run choice.
  await field.fill('second.db');
  await create.click();
  await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await openSettings(page);
  await expect(page.getByRole('region', { name: 'About' })).toContainText(path.join(folder, 'second.db'));
  expect(fs.existsSync(path.join(folder, 'second.db'))).toBe(true);

  // Back to the first one by its full path.
  await page.getByLabel('Database file', { exact: true }).fill(first);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('region', { name: 'About' })).toContainText(first);
  await expect(page.getByRole('region', { name: 'About' })).not.toContainText('second.db');

  // The same page in Chinese, with a refusal.
  await page.getByRole('region', { name: 'On this PC' }).getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await expect(page.getByRole('region', { name: '你的数据库' })).toContainText('否 · 快速本地模式');
  await screenshot(page, '61-settings-zh', { fullPage: true });
  await page.getByLabel('数据库文件', { exact: true }).fill('missing.db');
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await expectFieldMessage(page, '数据库文件', '那里没有这个文件', { contains: true });
  await screenshot(page, '62-settings-open-refused-zh', { fullPage: true });
  await page.getByRole('region', { name: '这台电脑' }).getByLabel('语言', { exact: true }).selectOption('en');
});
