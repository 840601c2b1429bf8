import { expect, test } from '@playwright/test';
import { addStaff, expectFieldMessage, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';

const host = useFreshWorkspace();

test('wrong PINs lock a staff member out in every tab, and the PIN field says how long to wait, in English and Chinese', async ({ context }) => {
  const tab1 = await context.newPage();
  await openFirstRun(tab1, host().url, 'Start empty');
  await tab1.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await addStaff(tab1, 'Sam Staff', 'Staff', '2468');
  await tab1.getByRole('button', { name: 'Sign out / switch user' }).click();
  await tab1.getByRole('radio', { name: /^Sam Staff/ }).check();
  for (let guess = 1; guess <= 4; guess++) {
    await tab1.getByLabel('PIN').fill(`000${guess}`);
    await tab1.getByRole('button', { name: 'Sign in' }).click();
    await expectFieldMessage(tab1, 'PIN', 'Wrong PIN');
    // Each guess is answered before the next one.
    await expect(tab1.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await tab1.getByLabel('PIN').fill('0005');
  await tab1.getByRole('button', { name: 'Sign in' }).click();
  await expectFieldMessage(tab1, 'PIN', 'Too many wrong PINs; try again in 1 minute');

  // A new tab is a new session, in Chinese: it gets no fresh tries, even with the right PIN.
  const tab2 = await context.newPage();
  await tab2.addInitScript(() => localStorage.setItem('rapport.language', 'zh-CN'));
  await tab2.goto(host().url);
  await expect(tab2.getByRole('heading', { level: 1, name: '您是哪位？' })).toBeVisible();
  await tab2.getByRole('radio', { name: /^Sam Staff/ }).check();
  await tab2.getByLabel('PIN 码').fill('2468');
  await tab2.getByRole('button', { name: '登录' }).click();
  await expect(tab2.getByLabel('PIN 码', { exact: true })).toHaveAccessibleDescription(/^\s*PIN 码错误次数过多，请 \d+ 分钟后再试\s*$/);
  await expect(tab2.getByRole('heading', { level: 1, name: '您是哪位？' })).toBeVisible();
});
