import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../../db/contract/people';
import { errorCodeOf } from '../../../app/errors';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { ErrorState } from '../../../app/ui/ErrorState';
import { Icon } from '../../../app/ui/Icon';
import { LoadingState } from '../../../app/ui/LoadingState';
import { NotesPanel } from '../notes/NotesPanel';
import { LifecycleBadge } from '../shared/LifecycleBadge';
import { RecordNotFound } from '../shared/RecordNotFound';
import { VipBadge } from '../shared/VipBadge';
import { ContactDetails } from './ContactDetails';
import { ContactEditPanel } from './ContactEditPanel';
import { useDocumentTitle } from '../../../app/use-document-title';
import { CustomerSalesPanel } from '../../sales/customers/CustomerSalesPanel';
import { ConvertLeadDialog } from '../../sales/leads/ConvertLeadDialog';
import { LogActivityButtons } from '../../work/activities/LogActivityButtons';
import { TimelinePanel } from '../../work/timeline/TimelinePanel';
import { PeopleRecordPage } from '../shared/PeopleRecordPage';
import { PrivateBadge } from '../../system/privacy/PrivateBadge';
import { linkedNameText } from '../../system/privacy/LinkedRecord';

export function ContactPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const contact = useQuery({ ...trpc.people.contacts.get.queryOptions({ id }), meta: { silent: true } });
  const [editing, setEditing] = useState<Contact | null>(null);
  const [converting, setConverting] = useState(false);
  const remove = useMutation(trpc.people.contacts.remove.mutationOptions());

  useDocumentTitle(contact.data?.name);

  if (contact.isPending) return <LoadingState />;
  // A record someone else deleted while it is being edited keeps its form: saving says so and offers to restore it.
  if (contact.isError && !(editing && contact.data)) {
    if (errorCodeOf(contact.error) === 'NOT_FOUND') return <RecordNotFound kind="contact" />;
    return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  }
  const data = contact.data;

  return (
    <PeopleRecordPage
      kind="contact"
      record={data}
      avatarClassName="avatar avatar--large"
      title={
        <>
          {data.name}
          {data.vip ? <VipBadge /> : null}
          {data.isPrivate ? <PrivateBadge /> : null}
          <LifecycleBadge stage={data.lifecycle} />
        </>
      }
      subtitle={[data.jobTitle, linkedNameText('company', data.companyId, data.companyName, t)].filter(Boolean).join(' · ') || undefined}
      editing={editing !== null}
      onEdit={() => setEditing(data)}
      extraActions={
        data.lifecycle === 'lead' ? (
          <button type="button" className="button button--primary" onClick={() => setConverting(true)}>
            <Icon name="deal" />
            <span>{t('leads.convertButton')}</span>
          </button>
        ) : null
      }
      removing={remove.isPending}
      remove={remove.mutateAsync}
      restore={(input) => client.people.contacts.restore.mutate(input)}
      after={converting ? <ConvertLeadDialog contact={data} onClose={() => setConverting(false)} /> : null}
    >
      {editing ? <ContactEditPanel base={editing} onDone={() => setEditing(null)} /> : <ContactDetails contact={data} />}
      <CustomerSalesPanel kind="contact" id={data.id} name={data.name} />
      <TimelinePanel
        target={{ kind: 'contact', id: data.id }}
        actions={<LogActivityButtons links={{ contactId: data.id, companyId: data.companyId }} recordName={data.name} shortcuts={editing === null && !converting} />}
      />
      <NotesPanel target={{ kind: 'contact', id: data.id }} />
    </PeopleRecordPage>
  );
}
