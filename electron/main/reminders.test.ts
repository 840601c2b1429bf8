/**
 * The reminder notifier against a real workspace file and the stand-in Electron: due reminders
 * become one desktop notification each, once; a click brings the window forward on Today; the
 * check runs every 30 s.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callProcedure } from '../../db/api/call';
import type { Core } from '../../db/api/core';
import { tempCore } from '../../db/test-support/temp-workspace';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { REMINDER_INTERVAL_MS, reminderText, startReminderNotifier } = await import('./reminders');

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
