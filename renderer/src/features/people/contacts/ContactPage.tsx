import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../../db/contract/people';
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
import { LifecycleBadge } from '../shared/LifecycleBadge';
import { RecordNotFound } from '../shared/RecordNotFound';
import { VipBadge } from '../shared/VipBadge';
import { TagEditor } from '../tags/TagEditor';
import { ContactDetails } from './ContactDetails';
import { ContactEditPanel } from './ContactEditPanel';
import { useDocumentTitle } from '../../../app/use-document-title';
import { CustomerSalesPanel } from '../../sales/customers/CustomerSalesPanel';
import { ConvertLeadDialog } from '../../sales/leads/ConvertLeadDialog';
import { LogActivityButtons } from '../../work/activities/LogActivityButtons';
import { TasksPanel } from '../../work/tasks/TasksPanel';
import { TimelinePanel } from '../../work/timeline/TimelinePanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';

export function ContactPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const contact = useQuery({ ...trpc.people.contacts.get.queryOptions({ id }), meta: { silent: true } });
  const [editing, setEditing] = useState<Contact | null>(null);
  const [converting, setConverting] = useState(false);
  const remove = useMutation(trpc.people.contacts.remove.mutationOptions());

  useDocumentTitle(contact.data?.name);

  if (contact.isPending) return <LoadingState />;
  if (contact.isError) {
    if (errorCodeOf(contact.error) === 'NOT_FOUND') return <RecordNotFound kind="contact" />;
    return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  }
  const data = contact.data;

  async function moveToTrash() {
    await remove.mutateAsync({ id: data.id, version: data.version });
    navigate('/contacts');
    showToast({
      message: { key: 'contact.deleted', values: { name: data.name } },
      action: {
        label: { key: 'common.undo' },
        run: () => {
          void client.people.contacts.restore
            .mutate({ id: data.id })
            .then(async () => {
              await invalidateAll(queryClient);
              showToast({ tone: 'success', message: { key: 'contact.restored', values: { name: data.name } } });
              navigate(`/contacts/${data.id}`);
            })
            .catch(showErrorToast);
        },
      },
    });
  }

  return (
    <div className="record-page">
      <Link to="/contacts" className="back-link">
        ← {t('nav.contacts')}
      </Link>
      <PageHeader
        leading={
          <span className="avatar avatar--large" aria-hidden="true">
            {data.name.slice(0, 1)}
          </span>
        }
        title={
          <>
            {data.name}
            {data.vip ? <VipBadge /> : null}
            <LifecycleBadge stage={data.lifecycle} />
          </>
        }
        subtitle={[data.jobTitle, data.companyName].filter(Boolean).join(' · ') || undefined}
        actions={
          editing ? null : (
            <>
              <button type="button" className="button" onClick={() => setEditing(data)}>
                <Icon name="edit" />
                <span>{t('common.edit')}</span>
              </button>
              {data.lifecycle === 'lead' ? (
                <button type="button" className="button button--primary" onClick={() => setConverting(true)}>
                  <Icon name="deal" />
                  <span>{t('leads.convertButton')}</span>
                </button>
              ) : null}
              <DeleteRecordButton kind="contact" id={data.id} name={data.name} busy={remove.isPending} onDelete={moveToTrash} />
            </>
          )
        }
      />
      <div className="record-layout">
        <div className="record-layout__main">
          {editing ? <ContactEditPanel base={editing} onDone={() => setEditing(null)} /> : <ContactDetails contact={data} />}
          <CustomerSalesPanel kind="contact" id={data.id} name={data.name} />
          <TimelinePanel
            target={{ kind: 'contact', id: data.id }}
            actions={<LogActivityButtons links={{ contactId: data.id, companyId: data.companyId }} recordName={data.name} shortcuts={editing === null && !converting} />}
          />
          <NotesPanel target={{ kind: 'contact', id: data.id }} />
        </div>
        <aside className="record-layout__side">
          <section className="card" aria-labelledby="contact-tags-title">
            <h2 id="contact-tags-title" className="card__title">
              {t('fields.tags')}
            </h2>
            <TagEditor kind="contact" recordId={data.id} recordName={data.name} tags={data.tags} readOnly={editing !== null} />
          </section>
          <TasksPanel target={{ kind: 'contact', id: data.id }} recordName={data.name} />
          <HistoryPanel kind="contact" id={data.id} />
        </aside>
      </div>
      {converting ? <ConvertLeadDialog contact={data} onClose={() => setConverting(false)} /> : null}
    </div>
  );
}
