import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../../app/dates';
import { useTRPC } from '../../../app/trpc';
import { useFormatters } from '../../../app/use-formatters';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useKeyboardShortcuts } from '../../../app/use-shortcuts';
import { useStoredState } from '../../../app/use-stored-state';
import { useWorkspace } from '../../../app/use-workspace';
import { TaskDialog } from './TaskDialog';
import { TaskSection } from './TaskSection';

const UPCOMING_DAYS = 7;

/** What needs doing: overdue, due today, the coming week, and open tasks with no date. */
export function TodayPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  useDocumentTitle(t('today.title'));
  const [scope, setScope] = useStoredState<'mine' | 'everyone'>('rapport.today.scope', 'mine');
  const [adding, setAdding] = useState(false);
  useKeyboardShortcuts({ t: () => setAdding(true), n: () => setAdding(true) }, !adding);
  // The day's bounds come from this PC's clock and time zone; refreshed every minute so midnight moves tasks along.
  const [day, setDay] = useState(() => localDay());
  const assigneeId = scope === 'mine' ? workspace?.currentUser?.id : undefined;
  const today = useQuery({
    ...trpc.work.tasks.today.queryOptions({ ...day, assigneeId, upcomingDays: UPCOMING_DAYS }),
    refetchInterval: 60_000,
  });
  useEffect(() => {
    const timer = setInterval(() => {
      const current = localDay();
      setDay((previous) => (previous.dayStart === current.dayStart ? previous : current));
    }, 60_000);
    return () => clearInterval(timer);
  }, []);
  const data = today.data;
  const count = data ? data.overdue.length + data.today.length + data.upcoming.length + data.someday.length : 0;
  const dateLabel = format.day(day.dayStart);

  return (
    <div className="record-page record-page--narrow">
      <PageHeader
        title={t('today.title')}
        subtitle={dateLabel}
        actions={
          <>
            <fieldset className="segmented">
              <legend className="visually-hidden">{t('today.scope')}</legend>
              {(['mine', 'everyone'] as const).map((value) => (
                <label key={value} className="segmented__option">
                  <input type="radio" name="today-scope" checked={scope === value} onChange={() => setScope(value)} />
                  <span>{t(`today.scopes.${value}`)}</span>
                </label>
              ))}
            </fieldset>
            <button type="button" className="button button--primary" onClick={() => setAdding(true)} aria-keyshortcuts="T">
              <Icon name="plus" />
              <span>{t('tasks.new')}</span>
            </button>
          </>
        }
      />
      <div className="today">
        {today.isPending ? <LoadingState /> : null}
        {today.isError ? <ErrorState error={today.error} onRetry={() => void today.refetch()} /> : null}
        {data && count === 0 ? <EmptyState title={t('today.emptyTitle')} message={t('today.emptyMessage')} /> : null}
        {data && count > 0 ? (
          <>
            <TaskSection id="today-overdue" title={t('today.overdue')} tasks={data.overdue} overdue />
            <TaskSection id="today-today" title={t('today.today')} tasks={data.today} empty={t('today.nothingToday')} />
            <TaskSection id="today-upcoming" title={t('today.upcoming', { count: UPCOMING_DAYS })} tasks={data.upcoming} />
            <TaskSection id="today-someday" title={t('today.someday')} tasks={data.someday} />
          </>
        ) : null}
      </div>
      {adding ? <TaskDialog onClose={() => setAdding(false)} /> : null}
    </div>
  );
}
