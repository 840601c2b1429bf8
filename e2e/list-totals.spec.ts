import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { seedLargeWorkspace } from '../db/bench/seed';
import { openFirstRun } from './support/app';
import { useFreshWorkspace } from './support/browser-host';

test.describe.configure({ mode: 'serial' });

const host = useFreshWorkspace();
const CONTACTS = 12_000;

/**
 * Past 10 000 matches a list stops counting (its first page costs the same at a million rows): the
 * header says "10,000+ contacts", and "Count exactly", reached from the keyboard, gives the number.
 */
test('a long list shows 10,000+ and counts exactly on demand', async ({ page }) => {
  await openFirstRun(page, host().url, 'Start empty');
  // Bulk-loaded straight into the file (as the bench does): the host reads it on the next request.
  const db = new Database(host().dbFile);
  try {
    const ownerId = db.prepare('SELECT id FROM users ORDER BY id LIMIT 1').pluck().get() as number;
    seedLargeWorkspace(db, { contacts: CONTACTS, companies: 100 }, ownerId);
  } finally {
    db.close();
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  await expect(page.getByText('10,000+ contacts')).toBeVisible();
  const countExactly = page.getByRole('button', { name: 'Count exactly' });
  await countExactly.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${CONTACTS.toLocaleString('en-US')} contacts`, { exact: true })).toBeVisible();
  await expect(countExactly).toHaveCount(0);

  // A search with fewer matches is counted at once.
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('zhang wei');
  await expect(page.getByText(/^[\d,]+ matching contacts?$/)).toBeVisible();
  await expect(countExactly).toHaveCount(0);
});
