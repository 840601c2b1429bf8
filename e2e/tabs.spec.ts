import { expect, test, type Page } from '@playwright/test';
import { addStaff, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';

// The second test signs in to the workspace the first one set up.
test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();

/** Who the sidebar says is signed in in this tab. */
const signedInAs = (page: Page, name: string) => expect(page.getByRole('complementary').getByText(name, { exact: true })).toBeVisible();

async function signIn(page: Page, name: string, pin?: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Who are you?' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
  if (pin) await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedInAs(page, name);
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

async function setJobTitle(page: Page, contact: string, jobTitle: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: contact, exact: true }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Job title').fill(jobTitle);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(jobTitle, { exact: true }).first()).toBeVisible();
}

test('two tabs of one browser host, two people: each tab signs in, shows and acts as its own', async ({ context }) => {
  const tab1 = await context.newPage();
  await openFirstRun(tab1, host().url, 'Start empty');
  await tab1.getByRole('link', { name: 'New contact' }).first().click();
  await tab1.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await tab1.getByRole('button', { name: 'Create contact' }).click();
  await expect(tab1.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  await openSettings(tab1);
  await addStaff(tab1, 'Sam Staff', 'Staff', '2468');

  // Tab 1: the owner signs in (two people now, so the workspace no longer does it by itself).
  await tab1.getByRole('button', { name: 'Sign out / switch user' }).click();
  await signIn(tab1, 'Owner');

  // Tab 2 is a session of its own: nobody is signed in there until the staff member says who they are.
  const tab2 = await context.newPage();
  await tab2.goto(host().url);
  await signIn(tab2, 'Sam Staff', '2468');

  // Each tab shows its own person and the controls that person's role allows, after a reload too.
  await openSettings(tab2);
  await expect(tab2.getByRole('region', { name: 'Staff' })).toHaveCount(0);
  await tab1.reload();
  await signedInAs(tab1, 'Owner');
  await expect(tab1.getByRole('region', { name: 'Staff' }).getByRole('row', { name: /Sam Staff/ })).toBeVisible();
  await tab2.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(tab2.getByRole('link', { name: 'New deal' })).toBeVisible();
  await expect(tab2.getByRole('link', { name: 'Stages…' })).toHaveCount(0);
  await tab1.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(tab1.getByRole('link', { name: 'Stages…' })).toBeVisible();

  // An edit in tab 2 is the staff member's in the history; tab 1 still acts as the owner.
  await setJobTitle(tab2, 'Ada Lovelace', 'Analyst');
  const history2 = tab2.getByRole('list', { name: 'History' }).getByRole('listitem');
  await expect(history2.first()).toContainText('Sam Staff changed');
  await setJobTitle(tab1, 'Ada Lovelace', 'Mathematician');
  const history1 = tab1.getByRole('list', { name: 'History' }).getByRole('listitem');
  await expect(history1.first()).toContainText('Owner changed');
  await expect(history1.nth(1)).toContainText('Sam Staff changed');

  // A reload keeps a tab's person: tab 2 is still the staff member, not asked again, not the owner.
  await tab2.reload();
  await signedInAs(tab2, 'Sam Staff');
  await expect(tab2.getByRole('heading', { level: 1, name: 'Who are you?' })).toHaveCount(0);

  // A tab opened from tab 2 by script starts with a copy of its sessionStorage, session id included,
  // yet is a tab of its own: it asks who is there instead of acting as the staff member.
  const [copy] = await Promise.all([context.waitForEvent('page'), tab2.evaluate(() => void window.open(window.location.href))]);
  await expect(copy.getByRole('heading', { level: 1, name: 'Who are you?' })).toBeVisible();
  const sessionOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('rapport.session'));
  expect(await sessionOf(copy)).not.toBe(await sessionOf(tab2));
  await signedInAs(tab2, 'Sam Staff');
});

test('a hidden tab tells the host about once a minute that it is open, and after a long gap asks again who is signed in', async ({ page }) => {
  // The page's clock is Playwright's, so a minute (or the computer sleeping) passes on demand.
  await page.clock.install();
  await page.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => ((window as { hidden?: boolean }).hidden ? 'hidden' : 'visible') });
  });
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/trpc/')) asked.push(...decodeURIComponent(pathname.slice('/trpc/'.length)).split(','));
  });
  await page.goto(host().url);
  await signIn(page, 'Owner');
  await expect.poll(() => asked.includes('system.changes')).toBe(true);

  await page.evaluate(() => Object.assign(window, { hidden: true }));
  asked.length = 0;
  await page.clock.fastForward('01:01');
  await expect.poll(() => asked).toContain('system.session.current');

  asked.length = 0;
  await page.clock.fastForward('10:01');
  await expect.poll(() => asked).toContain('system.workspace.info');
  // The host still had the session (its own clock did not jump): the owner is still signed in here.
  await page.evaluate(() => Object.assign(window, { hidden: false }));
  await signedInAs(page, 'Owner');
});
