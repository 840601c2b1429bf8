/**
 * Desktop notifications for due task reminders. Every 30 s the main process asks the core process for the
 * reminders that fell due (`work.tasks.takeDueReminders` marks them shown, once across every PC on
 * the file) and raises one notification per task; clicking it brings the window forward on Today.
 * The browser host has no main process: there the renderer polls and shows an in-app notice.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { IpcResponse } from '../../db/api/call';
import type { ProcedureType } from '../../db/api/core-protocol';
import type { WorkspaceInfo } from '../../db/contract/system';
import type { Task } from '../../db/contract/work';

export const REMINDER_INTERVAL_MS = 30_000;
export const TODAY_HASH = '#/today';

const TEXT = {
  en: { title: (task: string) => `Reminder: ${task}`, due: (when: string) => `Due ${when}`, noDue: 'No due date', about: (name: string) => `About ${name}` },
  'zh-CN': { title: (task: string) => `提醒：${task}`, due: (when: string) => `截止 ${when}`, noDue: '无截止日期', about: (name: string) => `关于 ${name}` },
} as const;

/** What the notifier asks the core through: main's CoreClient (the core process), or a test's in-process caller. */
export interface CoreCaller {
  call(type: ProcedureType, path: string, input: unknown): Promise<IpcResponse>;
}

/** A core that names the session each call runs as: main's CoreClient. */
export interface SessionCore {
  call(type: ProcedureType, path: string, input: unknown, session?: string): Promise<IpcResponse>;
}

/**
 * The core as the main window's page is signed in to it. Reminders are the signed-in person's, so
 * main asks as that window's session: with several staff a call as nobody is refused, and main's own
 * session is nobody's. Read afresh on every check, so a sign-in or a reload counts at once.
 */
export function coreAsWindowSession(getClient: () => SessionCore | undefined, windowSession: () => string | undefined): () => CoreCaller | undefined {
  return () => {
    const client = getClient();
    if (!client) return undefined;
    const session = windowSession();
    return { call: (type, path, input) => client.call(type, path, input, session) };
  };
}

export interface ReminderNotifierOptions {
  /** The core, while a workspace is open (the file changes when the user opens another). */
  getCore: () => CoreCaller | undefined;
  /** The main window, if open: a click on a notification brings it forward. */
  getWindow: () => BrowserWindow | undefined;
  intervalMs?: number;
}

export interface ReminderNotifier {
  /** Takes the due reminders now and notifies; resolves with how many notifications were shown. */
  check(): Promise<number>;
  stop(): void;
}

/** The notification's words, in the workspace's language. */
export function reminderText(task: Task, locale: string): { title: string; body: string } {
  const text = locale === 'zh-CN' ? TEXT['zh-CN'] : TEXT.en;
  const when =
    task.dueAt === null
      ? text.noDue
      : text.due(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(task.dueAt));
  const about = task.dealTitle ?? task.contactName ?? task.companyName;
  return { title: text.title(task.title), body: about ? `${when} · ${text.about(about)}` : when };
}

/** Brings the window forward and shows Today (the renderer routes on the URL hash). */
export function showToday(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  void win.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(TODAY_HASH)}`).catch((error: unknown) => {
    console.warn(`[rapport] could not open Today: ${String(error)}`);
  });
}

export function startReminderNotifier(options: ReminderNotifierOptions): ReminderNotifier {
  // Notifications are kept referenced until dismissed, or they may be garbage-collected (and lose their click).
  const shown = new Set<Notification>();
  let running: Promise<number> | null = null;

  async function takeAndNotify(): Promise<number> {
    const core = options.getCore();
    if (!core) return 0;
    const response = await core.call('mutation', 'work.tasks.takeDueReminders', {});
    if (!response.ok) {
      console.warn(`[rapport] reminders: ${response.error.message}`);
      return 0;
    }
    const tasks = response.data as Task[];
    if (tasks.length === 0) return 0;
    const info = await core.call('query', 'system.workspace.info', undefined);
    const locale = info.ok ? (info.data as WorkspaceInfo).locale : 'en';
    if (typeof Notification.isSupported === 'function' && !Notification.isSupported()) return 0;
    for (const task of tasks) {
      const notification = new Notification({ ...reminderText(task, locale), silent: false });
      shown.add(notification);
      notification.on('click', () => {
        shown.delete(notification);
        showToday(options.getWindow());
      });
      notification.on('close', () => shown.delete(notification));
      notification.show();
    }
    return tasks.length;
  }

  function check(): Promise<number> {
    // One check at a time: a slow lock wait on a shared file must not stack up calls.
    running ??= takeAndNotify()
      .catch((error: unknown) => {
        console.warn(`[rapport] reminders: ${String(error)}`);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void check(), options.intervalMs ?? REMINDER_INTERVAL_MS);
  timer.unref?.();
  return {
    check,
    stop: () => clearInterval(timer),
  };
}
