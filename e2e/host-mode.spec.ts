import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addStaff, openFirstRun } from './support/app';
import { startBrowserHostCli } from './support/browser-host';

/** A port free on 127.0.0.1 right now, for the host's LAN side (the CLI takes a fixed one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

test('two PCs on one host: the other PC pairs, its staff signs in with a PIN, and its save appears on the host without a reload', async ({ browser }) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-host-'));
  const port = await freePort();
  const owner = await startBrowserHostCli(['--db', path.join(folder, 'office.db'), '--port', '0', '--no-open', '--share', `127.0.0.1:${port}`], {
    RAPPORT_USER_DATA: path.join(folder, 'host-pc'),
  });
  let client: Awaited<ReturnType<typeof startBrowserHostCli>> | undefined;
  try {
    const code = /Pairing code for another PC: (\S+)/.exec(owner.output())?.[1];
    expect(code, owner.output()).toBeTruthy();

    // The host PC: first run, then a staff member with a PIN.
    const hostPc = await browser.newContext();
    const hostPage = await hostPc.newPage();
    await openFirstRun(hostPage, owner.url, 'Start empty');
    await hostPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await addStaff(hostPage, 'Sam Staff', 'Staff', '2468');
    await hostPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await expect(hostPage.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

    // The other PC: its own browser host, connected to the host with the code shown there.
    client = await startBrowserHostCli(['--port', '0', '--no-open', '--connect', `127.0.0.1:${port}`, '--code', code!], {
      RAPPORT_USER_DATA: path.join(folder, 'front-desk-pc'),
    });
    const frontDesk = await browser.newContext();
    const page = await frontDesk.newPage();
    await page.goto(client.url);
    // Nobody is signed in on a PC across the network until someone signs in.
    await expect(page.getByRole('heading', { level: 1, name: 'Who are you?' })).toBeVisible();
    await page.getByRole('radio', { name: /^Sam Staff/ }).check();
    await page.getByLabel('PIN').fill('1111');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong PIN')).toBeVisible();
    await page.getByLabel('PIN').fill('2468');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();

    await page.getByRole('link', { name: 'New contact' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Walk-in Customer');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Walk-in Customer' })).toBeVisible();

    // On the host PC the list shows it through the change feed, with no reload.
    await expect(hostPage.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Walk-in Customer', exact: true })).toBeVisible();
    await hostPc.close();
    await frontDesk.close();
  } finally {
    await client?.stop();
    await owner.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
