import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatMoney } from '../db/contract/money';
import { fillDateField, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';
import { screenshot } from './support/screenshots';

const host = useFreshWorkspace();
const money = (minor: number, currency: string) => formatMoney(minor, currency, 'en');

async function openContact(page: Page, url: string, name: string) {
  await page.goto(url);
  await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Creates a contact in the first page and opens it in both, each in its edit form. */
async function bothEditing(first: Page, second: Page, name: string) {
  await first.goto(host().url);
  await first.getByRole('link', { name: 'New contact' }).first().click();
  await first.getByLabel('Name', { exact: true }).fill(name);
  await first.getByRole('button', { name: 'Create contact' }).click();
  await expect(first.getByRole('heading', { level: 1, name })).toBeVisible();
  await openContact(first, host().url, name);
  await openContact(second, host().url, name);
  await first.getByRole('button', { name: 'Edit', exact: true }).click();
  await second.getByRole('button', { name: 'Edit', exact: true }).click();
}

/** The changes of one history entry, as "Field: before → after" lines. */
async function changesOf(entry: Locator) {
  return entry.locator('.history__change').evaluateAll((changes) =>
    changes.map((change) => `${change.querySelector('dt')?.textContent?.trim()}: ${change.querySelector('.history__before')?.textContent?.trim() ?? ''} → ${change.querySelector('.history__after')?.textContent?.trim() ?? ''}`),
  );
}

test('two people edit different fields of one contact: both are kept, with no dialog, in one merge entry', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const first = await alice.newPage();
  const second = await bob.newPage();
  await openFirstRun(first, host().url, 'Start empty');
  await bothEditing(first, second, '赵敏');

  await first.getByLabel('Job title').fill('Store manager');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('region', { name: 'Details' }).getByText('Store manager')).toBeVisible();

  await second.getByLabel('City').fill('杭州');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('status').filter({ hasText: /Saved 赵敏, merged with the changes .+ made meanwhile/ })).toBeVisible();
  await expect(second.getByRole('alertdialog')).toHaveCount(0);
  const details = second.getByRole('region', { name: 'Details' });
  await expect(details.getByText('Store manager')).toBeVisible();
  await expect(details.getByText('杭州')).toBeVisible();

  // One write of exactly this user's field, on top of theirs: created, their update, the merge.
  const history = second.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  expect(await changesOf(history.getByRole('listitem').first())).toEqual(['City: — → 杭州']);

  await alice.close();
  await bob.close();
});

test('two people edit the same field: the dialog lists only that field, and each choice saves the right value', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const first = await alice.newPage();
  const second = await bob.newPage();
  await first.goto(host().url);
  await bothEditing(first, second, '王芳');

  await first.getByLabel('Job title').fill('Store manager');
  await first.getByLabel('Source').selectOption({ label: 'Referral' });
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('region', { name: 'Details' }).getByText('Store manager')).toBeVisible();

  await second.getByLabel('Job title').fill('Buyer');
  await second.getByLabel('City').fill('杭州');
  await second.getByRole('button', { name: 'Save' }).click();
  const dialog = second.getByRole('alertdialog', { name: 'Someone else saved this contact' });
  await expect(dialog).toBeVisible();
  // Only the field both changed asks; their source and my city are merged without asking.
  await expect(dialog.getByRole('radiogroup')).toHaveCount(1);
  const job = dialog.getByRole('radiogroup', { name: 'Job title' });
  await expect(job.getByRole('radio', { name: 'Keep theirs: Store manager' })).toBeVisible();
  await expect(job.getByRole('radio', { name: 'Use mine: Buyer' })).toBeVisible();
  await expect(dialog).toContainText('Their changes kept: Source.');
  await expect(dialog).toContainText('Your changes saved too: City.');
  await expect(dialog.getByRole('button', { name: 'Save merged' })).toBeDisabled();
  await screenshot(second, '13-conflict-dialog');

  // Nothing was silently overwritten: the first user's value is still what is saved.
  await first.reload();
  await expect(first.getByRole('region', { name: 'Details' }).getByText('Store manager')).toBeVisible();

  // Keyboard only: focus starts on the first choice; the arrow key moves to and picks mine.
  await expect(job.getByRole('radio', { name: /Keep theirs/ })).toBeFocused();
  await second.keyboard.press('ArrowRight');
  await expect(job.getByRole('radio', { name: /Use mine/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByRole('status').filter({ hasText: /Saved 王芳, merged with the changes/ })).toBeVisible();
  const details = second.getByRole('region', { name: 'Details' });
  await expect(details.getByText('Buyer')).toBeVisible();
  await expect(details.getByText('杭州')).toBeVisible();
  await expect(details.getByText('Referral')).toBeVisible();
  const history = second.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  expect((await changesOf(history.getByRole('listitem').first())).sort()).toEqual(['City: — → 杭州', 'Job title: Store manager → Buyer']);

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
  await firstDialog.getByRole('radiogroup', { name: 'Job title' }).getByRole('radio', { name: 'Keep theirs: Head buyer' }).check();
  await firstDialog.getByRole('button', { name: 'Save merged' }).click();
  await expect(firstDialog).toBeHidden();
  await expect(first.getByRole('status').filter({ hasText: 'Kept their version' })).toBeVisible();
  await expect(first.getByRole('region', { name: 'Details' }).getByText('Head buyer')).toBeVisible();
  await expect(first.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveCount(4);

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

test('a deal edited on two PCs: notes and amount merge without asking; their amount against my currency is one choice', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const first = await alice.newPage();
  const second = await bob.newPage();
  await first.goto(host().url);
  await first.getByRole('link', { name: 'New contact' }).first().click();
  await first.getByLabel('Name', { exact: true }).fill('陈静');
  await first.getByRole('button', { name: 'Create contact' }).click();
  await first.getByRole('button', { name: 'Convert to deal' }).click();
  const convert = first.getByRole('dialog', { name: 'Convert 陈静 to a deal' });
  await convert.getByLabel('Amount').fill('12000');
  await convert.getByRole('button', { name: 'Convert' }).click();
  await expect(first.getByRole('region', { name: 'Details' })).toContainText(money(1_200_000, 'USD'));
  await second.goto(`${host().url}${new URL(first.url()).hash}`);
  await expect(second.getByRole('region', { name: 'Details' })).toContainText(money(1_200_000, 'USD'));

  await first.getByRole('button', { name: 'Edit', exact: true }).click();
  await second.getByRole('button', { name: 'Edit', exact: true }).click();
  await first.getByLabel('Notes').fill('Two terminals.');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('region', { name: 'Details' })).toContainText('Two terminals.');
  await second.getByLabel('Amount').fill('15000');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByRole('status').filter({ hasText: /merged with the changes .+ made meanwhile/ })).toBeVisible();
  await expect(second.getByRole('alertdialog')).toHaveCount(0);
  await expect(second.getByRole('region', { name: 'Details' })).toContainText('Two terminals.');
  await expect(second.getByRole('region', { name: 'Details' })).toContainText(money(1_500_000, 'USD'));

  // Their new amount and my new currency overlap: money is one unit, so it is asked as one.
  await first.reload();
  await first.getByRole('button', { name: 'Edit', exact: true }).click();
  await second.getByRole('button', { name: 'Edit', exact: true }).click();
  await first.getByLabel('Amount').fill('20000');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('region', { name: 'Details' })).toContainText(money(2_000_000, 'USD'));
  await second.getByLabel('Currency', { exact: true }).fill('EUR');
  await second.getByLabel('Notes').fill('Two terminals, priced in euros.');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = second.getByRole('alertdialog', { name: 'Someone else saved this deal' });
  await expect(dialog.getByRole('radiogroup')).toHaveCount(1);
  const amount = dialog.getByRole('radiogroup', { name: 'Amount' });
  await expect(amount.getByRole('radio', { name: `Keep theirs: ${money(2_000_000, 'USD')}` })).toBeVisible();
  await amount.getByRole('radio', { name: `Use mine: ${money(1_500_000, 'EUR')}` }).check();
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await expect(dialog).toBeHidden();
  const details = second.getByRole('region', { name: 'Details' });
  await expect(details).toContainText(money(1_500_000, 'EUR'));
  await expect(details).toContainText('Two terminals, priced in euros.');

  await alice.close();
  await bob.close();
});

test('a task edited on two PCs: their priority and my notes merge; both changing the priority asks about it alone', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const first = await alice.newPage();
  const second = await bob.newPage();
  const openToday = async (page: Page) => {
    await page.goto(host().url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  };
  const editTask = (page: Page) => page.getByRole('button', { name: 'Edit task “Call the supplier”' });
  await openToday(first);
  await first.getByRole('button', { name: 'New task' }).click();
  const create = first.getByRole('dialog', { name: 'New task' });
  await create.getByLabel('Title').fill('Call the supplier');
  const today = await first.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  await fillDateField(create.getByRole('group', { name: 'Due date', exact: true }), today);
  await create.getByRole('button', { name: 'Create task' }).click();
  await expect(create).toBeHidden();
  await openToday(second);

  await editTask(first).click();
  await editTask(second).click();
  const firstDialog = first.getByRole('dialog', { name: 'Edit task' });
  const secondDialog = second.getByRole('dialog', { name: 'Edit task' });
  await firstDialog.getByLabel('Priority').selectOption('high');
  await firstDialog.getByRole('button', { name: 'Save' }).click();
  await expect(firstDialog).toBeHidden();
  await secondDialog.getByLabel('Notes').fill('Ask about the spring prices.');
  await secondDialog.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('status').filter({ hasText: /Saved Call the supplier, merged with the changes/ })).toBeVisible();
  await expect(secondDialog).toBeHidden();
  await editTask(second).click();
  await expect(secondDialog.getByLabel('Priority')).toHaveValue('high');
  await expect(secondDialog.getByLabel('Notes')).toHaveValue('Ask about the spring prices.');
  await secondDialog.getByRole('button', { name: 'Cancel' }).click();

  // Both change the priority: only it is asked; keeping theirs with nothing else of mine writes nothing.
  await first.reload();
  await editTask(first).click();
  await editTask(second).click();
  await firstDialog.getByLabel('Priority').selectOption('low');
  await firstDialog.getByRole('button', { name: 'Save' }).click();
  await expect(firstDialog).toBeHidden();
  await secondDialog.getByLabel('Priority').selectOption('normal');
  await secondDialog.getByRole('button', { name: 'Save' }).click();
  const merge = second.getByRole('alertdialog', { name: 'Someone else saved this task' });
  await expect(merge.getByRole('radiogroup')).toHaveCount(1);
  await merge.getByRole('radiogroup', { name: 'Priority' }).getByRole('radio', { name: 'Keep theirs: Low' }).check();
  await merge.getByRole('button', { name: 'Save merged' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Kept their version' })).toBeVisible();
  await editTask(second).click();
  await expect(secondDialog.getByLabel('Priority')).toHaveValue('low');

  await alice.close();
  await bob.close();
});
