import { useCanWrite } from '../../../app/use-can-write';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, TimelineEntry } from '../../../../../db/contract/work';
import { Link } from '../../../app/Link';
import { refreshAfterWrite } from '../../../app/live-refresh/live-refresh';
import { recordPagePath } from '../../../app/record-kinds';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { Icon, type IconName } from '../../../app/ui/Icon';
import { useFormatters } from '../../../app/use-formatters';
import { LogActivityDialog } from '../activities/LogActivityDialog';
import { RecordRowActions } from '../../system/history/RecordRowActions';
import { directionLabelKey } from '../activities/direction-label';

function iconOf(entry: TimelineEntry): IconName {
  if (entry.type === 'note') return 'note';
  if (entry.type === 'deal_stage') return 'pipeline';
  if (entry.type === 'order_status') return 'receipt';
  if (entry.channel === 'call') return 'phone';
  if (entry.channel === 'note') return 'note';
  return 'activity';
}

/** One line of a record's story: what happened, on which channel, when, by whom, and where it leads. */
export function TimelineEntryItem({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const format = useFormatters();
  const [editing, setEditing] = useState<Activity | null>(null);
  const remove = useMutation(trpc.work.activities.remove.mutationOptions());

  async function edit() {
    try {
      setEditing(await client.work.activities.get.query({ id: entry.id }));
    } catch (error) {
      showErrorToast(error);
    }
  }

  async function moveToTrash() {
    await remove.mutateAsync({ id: entry.id, version: entry.version ?? undefined });
    showToast({
      message: { key: 'timeline.activityDeleted' },
      action: {
        label: { key: 'common.undo' },
        run: () =>
          void client.system.trash.restore
            .mutate({ kind: 'activity', id: entry.id })
            .then(() => refreshAfterWrite(queryClient))
            .catch(showErrorToast),
      },
    });
  }

  const meta = [
    entry.direction ? t(directionLabelKey(entry.channel, entry.direction)) : null,
    entry.outcome,
    entry.durationMinutes !== null ? t('timeline.minutes', { count: entry.durationMinutes }) : null,
    entry.userName,
  ].filter(Boolean);
  const kindLabel = entry.type === 'activity' && entry.channel ? t(`channels.${entry.channel}`) : t(`timeline.types.${entry.type}`);
  // The core sends raw values for system entries (a stage name, an order status); say them in words.
  let title = entry.title;
  let body = entry.body;
  if (entry.type === 'deal_stage') {
    title = t('timeline.stageMove', { stage: entry.title });
    body = null;
  } else if (entry.type === 'order_status') {
    title = t('timeline.orderStatus', { number: entry.link?.label ?? '', status: t(`orders.statuses.${entry.title}`, { defaultValue: entry.title }) });
  } else if (entry.type === 'note') {
    title = t('timeline.noteTitle');
  }

  return (
    <article className={`timeline-entry timeline-entry--${entry.type}`} aria-label={`${kindLabel}: ${title}`}>
      <span className="timeline-entry__icon" aria-hidden="true">
        <Icon name={iconOf(entry)} size={14} />
      </span>
      <div className="timeline-entry__content">
        <p className="timeline-entry__head">
          {entry.type === 'order_status' && entry.link ? (
            <Link to={`/orders/${entry.link.id}`} className="timeline-entry__title">
              {title}
            </Link>
          ) : (
            <span className="timeline-entry__title">{title}</span>
          )}
          <span className="badge badge--quiet">{kindLabel}</span>
          <time dateTime={new Date(entry.at).toISOString()} title={format.dateTime(entry.at)} className="timeline-entry__time">
            {format.dateTime(entry.at)}
          </time>
        </p>
        {meta.length > 0 ? <p className="timeline-entry__meta">{meta.join(' · ')}</p> : null}
        {body ? <p className="timeline-entry__body">{body}</p> : null}
        {entry.link && entry.type !== 'order_status' ? (
          <p className="timeline-entry__link">
            <Link to={recordPagePath(entry.link.kind, entry.link.id)}>{entry.link.label}</Link>
          </p>
        ) : null}
      </div>
      {entry.type === 'activity' ? (
        <RecordRowActions
          kind="activity"
          id={entry.id}
          name={entry.title}
          className="timeline-entry__actions"
          canWrite={canWrite}
          onEdit={() => void edit()}
          onDelete={() => void moveToTrash().catch(() => undefined)}
          deleting={remove.isPending}
          editLabel={t('timeline.editActivity', { title: entry.title })}
          deleteLabel={t('timeline.deleteActivity', { title: entry.title })}
        />
      ) : null}
      {editing ? (
        <LogActivityDialog
          activity={editing}
          links={{ contactId: editing.contactId, companyId: editing.companyId, dealId: editing.dealId }}
          recordName={editing.contactName ?? editing.companyName ?? editing.dealTitle ?? ''}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </article>
  );
}
