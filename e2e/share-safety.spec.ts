import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { mountShare, type ShareMounts } from '../db/test-support/fuse-mounts';
import { openFirstRun } from './support/app';
import { startBrowserHostProcess, type RunningHost } from './support/browser-host';

/**
 * Two PCs on one office share, played by two FUSE mounts of one folder whose locks do not reach
 * each other (db/test-support/fuse-mounts.ts), each with its own browser host.
 */
test.describe.configure({ mode: 'serial' });

let mounts: ShareMounts | null = null;
let skipReason = '';
const hosts: RunningHost[] = [];

test.beforeAll(() => {
  const outcome = mountShare();
  if (outcome.ok) mounts = outcome.mounts;
  else skipReason = `FUSE is unavailable here (${outcome.reason})`;
});

test.afterAll(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  mounts?.unmount();
});

test('the second PC is told, in words, why it is read-only, and can take the file for itself once the first has gone', async ({ page, browser }) => {
  test.skip(!mounts, skipReason);
  const folder = 'office';
  fs.mkdirSync(path.join(mounts!.real, folder));
  const pcA = await startBrowserHostProcess({ dbFile: path.join(mounts!.pcA, folder, 'shop.db') });
  hosts.push(pcA);
  const pageA = await browser.newPage();
  await openFirstRun(pageA, pcA.url, 'Start empty');

  const pcB = await startBrowserHostProcess({ dbFile: path.join(mounts!.pcB, folder, 'shop.db') });
  hosts.push(pcB);
  await page.goto(pcB.url);
  const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This shared database is read-only on this PC' }) });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText('The file locks of the shared folder do not reach across PCs');
  await expect(banner).toContainText('use host mode');
  // Nothing on this PC offers to change anything.
  await expect(page.getByRole('link', { name: 'New contact' })).toHaveCount(0);

  // While PC A still has the file open, this PC cannot take it for itself.
  await banner.getByRole('button', { name: 'Open it on this PC only' }).click();
  await expect(banner.getByRole('status')).toContainText('Another program or PC is holding that database');

  await pageA.close();
  await pcA.stop();
  await banner.getByRole('button', { name: 'Open it on this PC only' }).click();
  await expect(page.getByRole('heading', { name: 'This shared database is read-only on this PC' })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('link', { name: 'New contact' }).first()).toBeVisible();
});
