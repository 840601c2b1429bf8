import { expect, test } from '@playwright/test';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host';
import { screenshot } from './support/screenshots';

/** Each test gets a brand-new file: first run happens once per workspace. */
let host: RunningHost;
test.beforeEach(async () => {
  host = await startBrowserHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

test.describe('a Chinese-language browser', () => {
  test.use({ locale: 'zh-CN' });

  test('gets the first run in Chinese with CNY, and a workspace created in Chinese', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: '欢迎使用 Rapport' })).toBeVisible();
    await expect(page).toHaveTitle(/欢迎使用 Rapport/);
    const setup = page.getByRole('form', { name: '你的店铺' });
    await expect(setup.getByLabel('语言')).toHaveValue('zh-CN');
    await expect(setup.getByLabel('币种')).toHaveValue('CNY');
    await expect(setup.getByLabel('币种').locator('option:checked')).toHaveText('CNY · 人民币');
    await setup.getByLabel('你的姓名').fill('陈老板');
    await screenshot(page, '01-first-run-zh');
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '联系人' })).toBeVisible({ timeout: 30_000 });

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '销售管道' }).click();
    for (const stage of ['线索', '已确认', '方案报价', '商务谈判', '赢单', '输单']) await expect(page.getByRole('region', { name: stage, exact: true })).toBeVisible();
    await expect(page.getByText(/^销售 · \d+ 个商机$/)).toBeVisible();
    await expect(page.getByRole('region', { name: '线索', exact: true })).toContainText('¥');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
    await expect(page.getByText('陈老板').first()).toBeVisible();
    // Settings offers the same named currencies as the first run, the workspace's own selected.
    await expect(page.getByLabel('价格和金额使用的货币').locator('option:checked')).toHaveText('CNY · 人民币');
  });
});

test.describe('an English browser in Britain', () => {
  test.use({ locale: 'en-GB' });

  test('is offered pounds and can pick Chinese and yuan instead; the owner is named as typed', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Rapport' })).toBeVisible();
    const setup = page.getByRole('form', { name: 'Your shop' });
    await expect(setup.getByLabel('Language')).toHaveValue('en');
    await expect(setup.getByLabel('Currency')).toHaveValue('GBP');
    await screenshot(page, '01-first-run-en');

    // Picking the language switches the screen at once, so the rest reads as it will be created.
    await setup.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '欢迎使用 Rapport' })).toBeVisible();
    await page.getByRole('form', { name: '你的店铺' }).getByLabel('币种').selectOption('CNY');
    await page.getByRole('button', { name: '从空白开始' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '联系人' })).toBeVisible();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '销售管道' }).click();
    await expect(page.getByRole('region', { name: '商务谈判', exact: true })).toBeVisible();

    // Changing the interface language later changes the interface, not the data.
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
    await expect(page.getByRole('region', { name: '商务谈判', exact: true })).toBeVisible();
    // The owner left the name empty: the workspace calls them by the word for owner in its language.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByText('店主').first()).toBeVisible();
  });
});
