import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { TABLE_READERS } from '../renderer/src/app/live-refresh/table-readers';
import { appLink, openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';

test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** The procedures a page asks the core for (httpBatchLink: /trpc/a.b,c.d?batch=1…), from now on. */
function recordProcedures(page: Page) {
  const procedures: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    const at = pathname.indexOf('/trpc/');
    if (at >= 0) procedures.push(...decodeURIComponent(pathname.slice(at + '/trpc/'.length)).split(','));
  });
  return procedures;
}

/** Whether the contacts table's readers (the live-refresh map) include this procedure. */
function readsContacts(procedure: string): boolean {
  return (TABLE_READERS.contacts ?? []).some((reader) => {
    const readerPath = typeof reader === 'string' ? reader : reader.path;
    return procedure === readerPath || procedure.startsWith(`${readerPath}.`);
  });
}

async function createContact(page: Page, name: string): Promise<number> {
  await page.getByRole('link', { name: 'New contact' }).first().click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return Number(/#\/contacts\/(\d+)/.exec(page.url())?.[1]);
}

async function rename(page: Page, name: string) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('two tabs of one browser host: an edit in one shows in the other without a reload', async ({ context }) => {
  const tabA = await context.newPage();
  await openFirstRun(tabA, host().url, 'Start empty');
  const contactId = await createContact(tabA, 'Li Na');

  const tabB = await context.newPage();
  await tabB.goto(host().url);
  const listInB = tabB.getByRole('table', { name: 'Contacts' });
  await expect(listInB.getByRole('link', { name: 'Li Na', exact: true })).toBeVisible();
  const askedByB = recordProcedures(tabB);
  // Gone if the page reloads: the refresh must come from the change feed, not from a new document.
  await tabB.evaluate(() => Object.assign(window, { sameDocument: true }));

  await rename(tabA, 'Li Na Chen');
  await expect(listInB.getByRole('link', { name: 'Li Na Chen', exact: true })).toBeVisible();
  // Tab B refetched what reads contacts, and nothing else (the products list, the pipelines…).
  expect(askedByB).toContain('people.contacts.list');
  expect(askedByB.filter((procedure) => procedure !== 'system.changes' && !readsContacts(procedure))).toEqual([]);

  await listInB.getByRole('link', { name: 'Li Na Chen', exact: true }).click();
  await expect(tabB.getByRole('heading', { level: 1, name: 'Li Na Chen' })).toBeVisible();
  await rename(tabA, 'Li Na Chen-Wu');
  await expect(tabB.getByRole('heading', { level: 1, name: 'Li Na Chen-Wu' })).toBeVisible();
  expect(await tabB.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(tabB.url()).toBe(appLink(tabB, `#/contacts/${contactId}`));
});

test("a colleague's edit from another process on the same file appears in the open list", async ({ page }) => {
  await page.goto(host().url);
  const list = page.getByRole('table', { name: 'Contacts' });
  const row = list.getByRole('link', { name: 'Li Na Chen-Wu', exact: true });
  await expect(row).toBeVisible();
  const contactId = Number(/#\/contacts\/(\d+)/.exec((await row.getAttribute('href')) ?? '')?.[1]);
  expect(contactId).toBeGreaterThan(0);

  const { stdout } = await run(process.execPath, [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'e2e/support/colleague.ts', host().dbFile, String(contactId), '王娜'], {
    cwd: repoRoot,
  });
  expect(stdout.trim()).toBe('renamed');
  await expect(list.getByRole('link', { name: '王娜', exact: true })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Li Na Chen-Wu', exact: true })).toBeHidden();
});
