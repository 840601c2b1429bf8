import { useCanWrite } from '../../../app/use-can-write';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../../../db/contract/sales';
import { errorCodeOf } from '../../../app/errors';
import { Link } from '../../../app/Link';
import { refreshAfterWrite } from '../../../app/live-refresh/live-refresh';
import { navigate } from '../../../app/router';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { BackLink } from '../../../app/ui/BackLink';
import { EmptyState } from '../../../app/ui/EmptyState';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useMoney } from '../../../app/use-money';
import { LogActivityButtons } from '../../work/activities/LogActivityButtons';
import { TasksPanel } from '../../work/tasks/TasksPanel';
import { TimelinePanel } from '../../work/timeline/TimelinePanel';
import { StageBadge } from '../shared/StageBadge';
import { usePipelines } from '../shared/use-pipelines';
import { DealDetails } from './DealDetails';
import { DealEditPanel } from './DealEditPanel';
import { DealOrdersPanel } from './DealOrdersPanel';
import { DealStagePanel } from './DealStagePanel';
import { HistoryPanel } from '../../system/history/HistoryPanel';
import { StageHistory } from './StageHistory';
import { PrivateBadge } from '../../system/privacy/PrivateBadge';
import { linkedNameText } from '../../system/privacy/LinkedRecord';

/** A deal: its fields, where it stands in the pipeline, its quotes and orders, tasks and whole timeline. */
export function DealPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const money = useMoney();
  const pipelines = usePipelines();
  const deal = useQuery({ ...trpc.sales.deals.get.queryOptions({ id }), meta: { silent: true } });
  const [editing, setEditing] = useState<Deal | null>(null);
  const remove = useMutation(trpc.sales.deals.remove.mutationOptions());
  useDocumentTitle(deal.data?.title);

  if (deal.isPending) return <LoadingState />;
  // A record someone else deleted while it is being edited keeps its form: saving says so and offers to restore it.
  if (deal.isError && !(editing && deal.data)) {
    if (errorCodeOf(deal.error) === 'NOT_FOUND')
      return (
        <EmptyState
          title={t('deals.notFound')}
          message={t('record.notFoundMessage')}
          action={
            <>
              <Link className="button" to="/trash">
                {t('record.openTrash')}
              </Link>
              <Link className="button button--primary" to="/pipeline">
                {t('nav.pipeline')}
              </Link>
            </>
          }
        />
      );
    return <ErrorState error={deal.error} onRetry={() => void deal.refetch()} />;
  }
  const data = deal.data;
  const pipeline = pipelines.data?.find((candidate) => candidate.id === data.pipelineId);

  async function moveToTrash() {
    await remove.mutateAsync({ id: data.id, version: data.version });
    navigate('/pipeline');
    showToast({
      message: { key: 'deals.deleted', values: { title: data.title } },
      action: {
        label: { key: 'common.undo' },
        run: () =>
          void client.sales.deals.restore
            .mutate({ id: data.id })
            .then(async () => {
              await refreshAfterWrite(queryClient);
              navigate(`/deals/${data.id}`);
            })
            .catch(showErrorToast),
      },
    });
  }

  const customer = [linkedNameText('contact', data.contactId, data.contactName, t), linkedNameText('company', data.companyId, data.companyName, t)].filter(Boolean).join(' · ');
  return (
    <div className="record-page">
      <BackLink to={pipeline ? `/pipeline?pipeline=${pipeline.id}` : '/pipeline'} label={t('nav.pipeline')} />
      <PageHeader
        leading={
          <span className={`avatar avatar--large avatar--square avatar--${data.stageKind}`} aria-hidden="true">
            <Icon name="deal" size={18} />
          </span>
        }
        title={
          <>
            {data.title}
            <StageBadge name={data.stageName} kind={data.stageKind} />
            {data.isPrivate ? <PrivateBadge /> : null}
          </>
        }
        subtitle={[customer, money(data.amountMinor, data.currency)].filter(Boolean).join(' · ')}
        actions={
          editing || !canWrite ? null : (
            <>
              <button type="button" className="button" onClick={() => setEditing(data)}>
                <Icon name="edit" />
                <span>{t('common.edit')}</span>
              </button>
              <button type="button" className="button button--danger-ghost" onClick={() => void moveToTrash().catch(() => undefined)} disabled={remove.isPending}>
                <Icon name="trash" />
                <span>{t('common.delete')}</span>
              </button>
            </>
          )
        }
      />
      <div className="record-layout">
        <div className="record-layout__main">
          <DealStagePanel key={`${data.stageId}-${data.version}`} deal={data} pipeline={pipeline} />
          {editing ? <DealEditPanel base={editing} onDone={() => setEditing(null)} /> : <DealDetails deal={data} />}
          <DealOrdersPanel deal={data} />
          <TimelinePanel
            target={{ kind: 'deal', id: data.id }}
            actions={<LogActivityButtons links={{ dealId: data.id, contactId: data.contactId, companyId: data.companyId }} recordName={data.title} shortcuts={editing === null} />}
          />
        </div>
        <aside className="record-layout__side">
          <TasksPanel target={{ kind: 'deal', id: data.id }} recordName={data.title} />
          <StageHistory visits={data.stageHistory} />
          <HistoryPanel kind="deal" id={data.id} />
        </aside>
      </div>
    </div>
  );
}
