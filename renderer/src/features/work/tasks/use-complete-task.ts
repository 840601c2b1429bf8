import { useMutation } from '@tanstack/react-query';
import type { Task } from '../../../../../db/contract/work';
import { errorCodeOf } from '../../../app/errors';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { useFormatters } from '../../../app/use-formatters';
import { isAllDay } from './task-form-values';

/** Ticks a task off (or back on). A repeating task answers with its next occurrence, which is announced. */
export function useCompleteTask() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const format = useFormatters();
  const complete = useMutation({ ...trpc.work.tasks.complete.mutationOptions(), meta: { handledErrors: ['CONFLICT'] } });

  async function run(task: Task, done: boolean) {
    try {
      const result = await complete.mutateAsync({ id: task.id, version: task.version, done });
      if (!done) return;
      if (result.next) {
        const due = result.next.dueAt === null ? '' : isAllDay(result.next.dueAt) ? format.date(result.next.dueAt) : format.dateTime(result.next.dueAt);
        showToast({ tone: 'success', message: { key: 'tasks.doneNext', values: { title: task.title, due } } });
      } else {
        showToast({
          tone: 'success',
          message: { key: 'tasks.done', values: { title: task.title } },
          action: {
            label: { key: 'common.undo' },
            run: () => void client.work.tasks.complete.mutate({ id: task.id, version: result.task.version, done: false }).catch(showErrorToast),
          },
        });
      }
    } catch (error) {
      if (errorCodeOf(error) === 'CONFLICT') showToast({ tone: 'error', message: { key: 'tasks.conflict' } });
    }
  }

  return { run, pendingId: complete.isPending ? complete.variables?.id : undefined };
}
