import type { ReactNode } from 'react';
import type { Task } from '../../../../../db/contract/work';
import { TaskItem } from './TaskItem';

/** A titled group of the Today view (overdue, today, upcoming, no date). */
export function TaskSection({ id, title, tasks, overdue = false, empty }: { id: string; title: string; tasks: Task[]; overdue?: boolean; empty?: ReactNode }) {
  if (tasks.length === 0 && !empty) return null;
  return (
    <section className={`card task-section${overdue ? ' task-section--overdue' : ''}`} aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
        <span className="card__count">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="tasks" aria-label={title}>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} overdue={overdue} />
          ))}
        </ul>
      )}
    </section>
  );
}
