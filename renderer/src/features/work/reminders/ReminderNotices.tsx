import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../../db/contract/work';
import { getRapportBridge } from '../../../app/ipc-link';
import { Link } from '../../../app/Link';
import { useTRPCClient } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { useFormatters } from '../../../app/use-formatters';
import { isAllDay } from '../tasks/task-form-values';

/** tRPC mutation keys start with the procedure path: [['work', 'tasks', 'create']]. */
function isTaskMutation(mutationKey: readonly unknown[] | undefined): boolean {
  const path = mutationKey?.[0];
  return Array.isArray(path) && path[0] === 'work' && path[1] === 'tasks';
}

export const REMINDER_POLL_MS = 30_000;
/** The first look shortly after start, so a reminder that fell due while the app was closed shows at once. */
const FIRST_POLL_MS = 2_000;

/**
 * Due reminders in the browser host: every 30 s take the reminders that fell due (the core marks
 * them shown, once across all PCs) and keep a notice on screen until dismissed. In Electron the
 * main process raises desktop notifications instead, so this stays quiet there.
 */
export function ReminderNotices() {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const [due, setDue] = useState<Task[]>([]);
  const inElectron = getRapportBridge() !== undefined;

  useEffect(() => {
    if (inElectron) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const tasks = await client.work.tasks.takeDueReminders.mutate({});
        if (!stopped && tasks.length > 0) setDue((current) => [...current.filter((task) => !tasks.some((next) => next.id === task.id)), ...tasks]);
      } catch {
        // A missed poll is harmless: the reminders stay due until the next one takes them.
      } finally {
        if (!stopped) timer = setTimeout(() => void poll(), REMINDER_POLL_MS);
      }
    }
    timer = setTimeout(() => void poll(), FIRST_POLL_MS);
    // A task saved with a reminder time already past is due now, not at the next 30 s poll.
    const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || !isTaskMutation(event.mutation.options.mutationKey)) return;
      if (timer) clearTimeout(timer);
      void poll();
    });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [client, queryClient, inElectron]);

  if (due.length === 0) return null;
  const dismiss = (id: number) => setDue((current) => current.filter((task) => task.id !== id));
  return (
    <section className="reminders" aria-label={t('reminders.region')}>
      {due.map((task) => (
        <div key={task.id} className="reminder" role="alert">
          <Icon name="bell" />
          <div className="reminder__text">
            <p className="reminder__title">{t('reminders.title', { title: task.title })}</p>
            {task.dueAt !== null ? (
              <p className="reminder__due">{t('reminders.due', { when: isAllDay(task.dueAt) ? format.date(task.dueAt) : format.dateTime(task.dueAt) })}</p>
            ) : null}
          </div>
          <Link to="/today" className="button button--small" onClick={() => dismiss(task.id)}>
            {t('reminders.open')}
          </Link>
          <button type="button" className="icon-button" aria-label={t('reminders.dismiss', { title: task.title })} onClick={() => dismiss(task.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </section>
  );
}
