import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../../db/contract/people';
import { errorCodeOf } from '../../../app/errors';
import { Link } from '../../../app/Link';
import { invalidateAll } from '../../../app/query-client';
import { navigate } from '../../../app/router';
import { showErrorToast } from '../../../app/show-error-toast';
import { showToast } from '../../../app/toast-store';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { PageHeader } from '../../../app/ui/PageHeader';
import { HistoryPanel } from '../../system/history/HistoryPanel';
import { NotesPanel } from '../notes/NotesPanel';
import { RecordNotFound } from '../shared/RecordNotFound';
import { TagEditor } from '../tags/TagEditor';
import { CompanyContactsPanel } from './CompanyContactsPanel';
import { CompanyDetails } from './CompanyDetails';
import { CompanyEditPanel } from './CompanyEditPanel';
import { useDocumentTitle } from '../../../app/use-document-title';
import { CustomerSalesPanel } from '../../sales/customers/CustomerSalesPanel';
import { LogActivityButtons } from '../../work/activities/LogActivityButtons';
import { TasksPanel } from '../../work/tasks/TasksPanel';
import { TimelinePanel } from '../../work/timeline/TimelinePanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';

export function CompanyPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const company = useQuery({ ...trpc.people.companies.get.queryOptions({ id }), meta: { silent: true } });
  const [editing, setEditing] = useState<Company | null>(null);
  const remove = useMutation(trpc.people.companies.remove.mutationOptions());

  useDocumentTitle(company.data?.name);

  if (company.isPending) return <LoadingState />;
  if (company.isError) {
    if (errorCodeOf(company.error) === 'NOT_FOUND') return <RecordNotFound kind="company" />;
    return <ErrorState error={company.error} onRetry={() => void company.refetch()} />;
  }
  const data = company.data;

  async function moveToTrash() {
    await remove.mutateAsync({ id: data.id, version: data.version });
    navigate('/companies');
    showToast({
      message: { key: 'company.deleted', values: { name: data.name } },
      action: {
        label: { key: 'common.undo' },
        run: () => {
          void client.people.companies.restore
            .mutate({ id: data.id })
            .then(async () => {
              await invalidateAll(queryClient);
              showToast({ tone: 'success', message: { key: 'company.restored', values: { name: data.name } } });
              navigate(`/companies/${data.id}`);
            })
            .catch(showErrorToast);
        },
      },
    });
  }

  return (
    <div className="record-page">
      <Link to="/companies" className="back-link">
        ← {t('nav.companies')}
      </Link>
      <PageHeader
        leading={
          <span className="avatar avatar--large avatar--square" aria-hidden="true">
            {data.name.slice(0, 1)}
          </span>
        }
        title={data.name}
        subtitle={[data.industry, data.address.city].filter(Boolean).join(' · ') || undefined}
        actions={
          editing ? null : (
            <>
              <button type="button" className="button" onClick={() => setEditing(data)}>
                <Icon name="edit" />
                <span>{t('common.edit')}</span>
              </button>
              <DeleteRecordButton kind="company" id={data.id} name={data.name} busy={remove.isPending} onDelete={moveToTrash} />
            </>
          )
        }
      />
      <div className="record-layout">
        <div className="record-layout__main">
          {editing ? <CompanyEditPanel base={editing} onDone={() => setEditing(null)} /> : <CompanyDetails company={data} />}
          <CustomerSalesPanel kind="company" id={data.id} name={data.name} />
          <CompanyContactsPanel companyId={data.id} companyName={data.name} />
          <TimelinePanel
            target={{ kind: 'company', id: data.id }}
            actions={<LogActivityButtons links={{ companyId: data.id }} recordName={data.name} shortcuts={editing === null} />}
          />
          <NotesPanel target={{ kind: 'company', id: data.id }} />
        </div>
        <aside className="record-layout__side">
          <section className="card" aria-labelledby="company-tags-title">
            <h2 id="company-tags-title" className="card__title">
              {t('fields.tags')}
            </h2>
            <TagEditor kind="company" recordId={data.id} recordName={data.name} tags={data.tags} readOnly={editing !== null} />
          </section>
          <TasksPanel target={{ kind: 'company', id: data.id }} recordName={data.name} />
          <HistoryPanel kind="company" id={data.id} />
        </aside>
      </div>
    </div>
  );
}
