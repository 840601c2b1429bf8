import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../../db/contract/work';
import { Link } from '../../../app/Link';
import { recordPagePath } from '../../../app/record-kinds';
import { Icon } from '../../../app/ui/Icon';
import { useFormatters } from '../../../app/use-formatters';
import { isAllDay, taskLink } from './task-form-values';
import { TaskDialog } from './TaskDialog';
import { HistoryButton } from '../../system/history/HistoryButton';
import { useCompleteTask } from './use-complete-task';

/** One task: a checkbox to complete it, its title (opens the editor), when it is due and what it is about. */
export function TaskItem({ task, overdue = false, showLink = true }: { task: Task; overdue?: boolean; showLink?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { run, pendingId } = useCompleteTask();
  const [editing, setEditing] = useState(false);
  // Ticked at once; the list moves the task along when the core has answered.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const done = ticked ?? task.completedAt !== null;
  const link = showLink ? taskLink(task) : null;
  const due = task.dueAt === null ? null : isAllDay(task.dueAt) ? format.date(task.dueAt) : format.dateTime(task.dueAt);

  return (
    <li className={`task${done ? ' task--done' : ''}${overdue ? ' task--overdue' : ''}`}>
      <input
        type="checkbox"
        className="task__check"
        checked={done}
        disabled={pendingId === task.id}
        aria-label={t(done ? 'tasks.reopen' : 'tasks.complete', { title: task.title })}
        onChange={(event) => {
          const checked = event.target.checked;
          setTicked(checked);
          void run(task, checked).finally(() => setTicked(null));
        }}
      />
      <div className="task__body">
        <button type="button" className="task__title" onClick={() => setEditing(true)} aria-label={t('tasks.editNamed', { title: task.title })}>
          {task.title}
        </button>
        <p className="task__meta">
          {due ? (
            <span className={overdue ? 'task__due task__due--overdue' : 'task__due'}>
              <Icon name="clock" size={12} />
              <time dateTime={new Date(task.dueAt!).toISOString()}>{due}</time>
            </span>
          ) : null}
          {task.priority === 'high' || task.priority === 'urgent' ? <span className={`badge badge--priority-${task.priority}`}>{t(`tasks.priorities.${task.priority}`)}</span> : null}
          {task.recurrence ? (
            <span className="task__repeat">
              <Icon name="repeat" size={12} />
              {t(`tasks.every.${task.recurrence.unit}`, { count: task.recurrence.every })}
            </span>
          ) : null}
          {task.remindAt !== null && !done ? (
            <span className="task__reminder" title={t('tasks.remindAtLabel', { when: format.dateTime(task.remindAt) })}>
              <Icon name="bell" size={12} />
              <span className="visually-hidden">{t('tasks.remindAtLabel', { when: format.dateTime(task.remindAt) })}</span>
            </span>
          ) : null}
          {link ? <Link to={recordPagePath(link.kind, link.id)}>{link.name}</Link> : null}
          {task.assigneeName ? <span className="muted">{task.assigneeName}</span> : null}
        </p>
      </div>
      <HistoryButton kind="task" id={task.id} name={task.title} />
      {editing ? <TaskDialog task={task} onClose={() => setEditing(false)} /> : null}
    </li>
  );
}
