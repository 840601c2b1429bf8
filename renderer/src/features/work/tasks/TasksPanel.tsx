import { useCanWrite } from '../../../app/use-can-write';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TIMELINE_TARGETS } from '../../../../../db/contract/work';
import { useTRPC } from '../../../app/trpc';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { useKeyboardShortcuts } from '../../../app/use-shortcuts';
import { useNow } from '../../../app/use-now';
import { TaskDialog } from './TaskDialog';
import { TaskItem } from './TaskItem';

/** Open tasks about a contact, company or deal, with "Add task" (also the T key). */
export function TasksPanel({ target, recordName }: { target: { kind: (typeof TIMELINE_TARGETS)[number]; id: number }; recordName: string }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const [adding, setAdding] = useState(false);
  const tasks = useQuery(trpc.work.tasks.list.queryOptions({ status: 'open', target, limit: 100 }));
  useKeyboardShortcuts({ t: () => setAdding(true) }, !adding && canWrite);
  const rows = tasks.data?.rows ?? [];
  const titleId = `tasks-title-${target.kind}-${target.id}`;
  const now = useNow();
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card__header">
        <h2 id={titleId} className="card__title">
          {t('tasks.title')}
          {rows.length > 0 ? <span className="card__count">{rows.length}</span> : null}
        </h2>
        {canWrite ? (
          <button type="button" className="button button--small" onClick={() => setAdding(true)} aria-keyshortcuts="T">
            <Icon name="plus" />
            <span>{t('tasks.add')}</span>
          </button>
        ) : null}
      </div>
      {tasks.isPending ? <LoadingState /> : null}
      {tasks.data && rows.length === 0 ? <p className="muted">{t('tasks.noneOpen')}</p> : null}
      {rows.length > 0 ? (
        <ul className="tasks" aria-label={t('tasks.title')}>
          {rows.map((task) => (
            <TaskItem key={task.id} task={task} showLink={false} overdue={task.dueAt !== null && task.dueAt < now} />
          ))}
        </ul>
      ) : null}
      {adding ? <TaskDialog link={{ kind: target.kind, id: target.id, name: recordName }} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}
