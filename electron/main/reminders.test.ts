/**
 * The reminder notifier against a real workspace file and the stand-in Electron: due reminders
 * become one desktop notification each, once; a click brings the window forward on Today; the
 * check runs every 30 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callProcedure, type IpcResponse } from '../../db/api/call';
import type { Core } from '../../db/api/core';
import { coreEntryFromSource } from '../../db/api/core-client';
import type { StaffMember, User } from '../../db/contract/system';
import type { Task } from '../../db/contract/work';
import { tempCore } from '../../db/test-support/temp-workspace';
import type { FakeMessagePort } from './test-support/fake-electron';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { REMINDER_INTERVAL_MS, coreAsWindowSession, reminderText, startReminderNotifier } = await import('./reminders');
const { PORT_CHANNEL, createPortGrant, forkCoreUtility } = await import('./core-host');

/** The core called in process: main calls it over the core process's protocol, with the same answers. */
const caller = (core: Core) => ({ call: (type: 'query' | 'mutation', path: string, input: unknown) => callProcedure(core, { type, path, input }) });

function fakeWindow() {
  return {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
    webContents: { executeJavaScript: vi.fn(async () => undefined) },
  };
}

afterEach(() => {
  vi.useRealTimers();
  fake.state.notifications.length = 0;
});

describe('desktop reminders', () => {
  it('notifies each due reminder once, and a click opens Today in the window', async () => {
    const { core, api } = tempCore();
    const contact = await api.people.contacts.create({ name: '李娜' });
    await api.work.tasks.create({ title: 'Call back about the quote', dueAt: Date.now() + 3_600_000, remindAt: Date.now() - 1_000, priority: 'high', contactId: contact.id });
    await api.work.tasks.create({ title: 'Not yet', dueAt: Date.now() + 86_400_000, remindAt: Date.now() + 3_600_000, priority: 'normal' });
    const win = fakeWindow();
    const notifier = startReminderNotifier({ getCore: () => caller(core), getWindow: () => win as any, intervalMs: 3_600_000 });
    try {
      expect(await notifier.check()).toBe(1);
      expect(fake.state.notifications).toHaveLength(1);
      const notification = fake.state.notifications[0];
      expect(notification.shown).toBe(true);
      expect(notification.options.title).toBe('Reminder: Call back about the quote');
      expect(notification.options.body).toMatch(/^Due .+ · About 李娜$/);

      // Taken once: the core marked it shown (for every PC on the file).
      expect(await notifier.check()).toBe(0);
      expect(fake.state.notifications).toHaveLength(1);

      notification.emit('click');
      expect(win.restore).toHaveBeenCalled();
      expect(win.show).toHaveBeenCalled();
      expect(win.focus).toHaveBeenCalled();
      expect(win.webContents.executeJavaScript).toHaveBeenCalledWith('window.location.hash = "#/today"');
    } finally {
      notifier.stop();
    }
  });

  it('checks every 30 seconds, in the workspace language', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { core, api } = tempCore();
    await api.system.workspace.updateSettings({ version: (await api.system.workspace.info()).settingsVersion, locale: 'zh-CN' });
    const notifier = startReminderNotifier({ getCore: () => caller(core), getWindow: () => undefined });
    try {
      await api.work.tasks.create({ title: '续签合同', dueAt: null, remindAt: Date.now() - 1_000, priority: 'normal' });
      await vi.advanceTimersByTimeAsync(REMINDER_INTERVAL_MS - 1_000);
      expect(fake.state.notifications).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(fake.state.notifications).toHaveLength(1));
      expect(fake.state.notifications[0].options).toMatchObject({ title: '提醒：续签合同', body: '无截止日期' });
      // No window to bring forward: a click is harmless.
      fake.state.notifications[0].emit('click');
    } finally {
      notifier.stop();
    }
  });

  it('stays quiet with no workspace open', async () => {
    const notifier = startReminderNotifier({ getCore: () => undefined, getWindow: () => undefined });
    try {
      expect(await notifier.check()).toBe(0);
      expect(fake.state.notifications).toHaveLength(0);
    } finally {
      notifier.stop();
    }
  });

  it('words a reminder with its due time and what it is about', () => {
    const task = { title: 'Visit', dueAt: Date.UTC(2030, 0, 2, 9, 30), dealTitle: 'Big order', contactName: 'Li', companyName: null } as any;
    expect(reminderText(task, 'en').title).toBe('Reminder: Visit');
    expect(reminderText(task, 'en').body).toContain('About Big order');
    expect(reminderText({ ...task, dealTitle: null, contactName: null }, 'zh-CN').body).toMatch(/^截止 2030/);
  });
});

/** The answer's data, failing the test on a refusal. */
function dataOf<T>(response: IpcResponse): T {
  if (!response.ok) throw new Error(`refused: ${response.error.message}`);
  return response.data as T;
}

/** What the preload does with the port main posted: calls as `window.rapport.invoke` sends them. */
function pageCaller(port: FakeMessagePort) {
  let nextId = 1;
  return (type: 'query' | 'mutation', procedure: string, input: unknown) =>
    new Promise<IpcResponse>((resolve) => {
      const id = nextId++;
      const onMessage = ({ data }: { data: { id: number } & IpcResponse }) => {
        if (data.id !== id) return;
        port.off('message', onMessage);
        resolve(data);
      };
      port.on('message', onMessage);
      port.postMessage({ id, type, path: procedure, input });
    });
}

describe("desktop reminders as the main window's session", () => {
  it('asks the core process as whoever signed in in the main window, and shows their due task once', { timeout: 30_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-reminders-'));
    // The core process main forks (a real child on the real core entry, through the stand-in utilityProcess).
    const client = forkCoreUtility(coreEntryFromSource());
    try {
      await client.ready;
      await client.open(path.join(dir, 'shop.db'), { probeLocks: false });
      // Main's own session: the owner, signed in by itself while alone; it keeps them once Sam exists.
      const asMain = (type: 'query' | 'mutation', procedure: string, input?: unknown) => client.call(type, procedure, input);
      const owner = dataOf<User>(await asMain('query', 'system.session.current'));
      const sam = dataOf<StaffMember>(await asMain('mutation', 'system.staff.create', { name: 'Sam Staff', role: 'staff', pin: '2468' }));
      const due = { remindAt: Date.now() - 1_000, dueAt: Date.now() + 3_600_000, priority: 'normal' };
      dataOf(await asMain('mutation', 'work.tasks.create', { ...due, title: 'Call Li back', assigneeId: sam.id }));
      dataOf(await asMain('mutation', 'work.tasks.create', { ...due, title: 'Renew the lease', assigneeId: owner.id }));

      // The main window's page gets its port (its own session in the core) and Sam signs in there.
      const grant = createPortGrant(() => client, {});
      const win = new fake.BrowserWindow({});
      expect(await grant({ senderFrame: { url: 'app://rapport/index.html', parent: null }, sender: win.webContents as any })).toBe(true);
      const port = win.webContents.posted.find((item: { channel: string }) => item.channel === PORT_CHANNEL)!.ports[0] as FakeMessagePort;
      const asPage = pageCaller(port);
      expect(dataOf<User>(await asPage('mutation', 'system.session.signIn', { userId: sam.id, pin: '2468' })).name).toBe('Sam Staff');
      const windowSession = grant.sessionOf(win.webContents.id);
      expect(windowSession).toMatch(/^window-/);

      const call = vi.spyOn(client, 'call');
      const notifier = startReminderNotifier({
        getCore: coreAsWindowSession(() => client, () => grant.sessionOf(win.webContents.id)),
        getWindow: () => win as any,
        intervalMs: 3_600_000,
      });
      try {
        expect(await notifier.check()).toBe(1);
        expect(fake.state.notifications.map((notification) => notification.options.title)).toEqual(['Reminder: Call Li back']);
        expect(call.mock.calls.map(([type, procedure, , session]) => [type, procedure, session])).toEqual([
          ['mutation', 'work.tasks.takeDueReminders', windowSession],
          ['query', 'system.workspace.info', windowSession],
        ]);
        // Once: the core marked it shown.
        expect(await notifier.check()).toBe(0);
        expect(fake.state.notifications).toHaveLength(1);
      } finally {
        notifier.stop();
        call.mockRestore();
      }
      // The owner's reminder was not taken as Sam's: it is still the owner's to take.
      expect(dataOf<Task[]>(await asMain('mutation', 'work.tasks.takeDueReminders', {})).map((task) => task.title)).toEqual(['Renew the lease']);
    } finally {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
