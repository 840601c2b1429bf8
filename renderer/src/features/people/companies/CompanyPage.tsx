import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Company } from '../../../../../db/contract/people';
import { errorCodeOf } from '../../../app/errors';
import { useTRPC, useTRPCClient } from '../../../app/trpc';
import { ErrorState } from '../../../app/ui/ErrorState';
import { LoadingState } from '../../../app/ui/LoadingState';
import { NotesPanel } from '../notes/NotesPanel';
import { RecordNotFound } from '../shared/RecordNotFound';
import { CompanyContactsPanel } from './CompanyContactsPanel';
import { CompanyDetails } from './CompanyDetails';
import { CompanyEditPanel } from './CompanyEditPanel';
import { useDocumentTitle } from '../../../app/use-document-title';
import { CustomerSalesPanel } from '../../sales/customers/CustomerSalesPanel';
import { LogActivityButtons } from '../../work/activities/LogActivityButtons';
import { TimelinePanel } from '../../work/timeline/TimelinePanel';
import { PeopleRecordPage } from '../shared/PeopleRecordPage';
import { PrivateBadge } from '../../system/privacy/PrivateBadge';

export function CompanyPage({ id }: { id: number }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const company = useQuery({ ...trpc.people.companies.get.queryOptions({ id }), meta: { silent: true } });
  const [editing, setEditing] = useState<Company | null>(null);
  const remove = useMutation(trpc.people.companies.remove.mutationOptions());

  useDocumentTitle(company.data?.name);

  if (company.isPending) return <LoadingState />;
  // A record someone else deleted while it is being edited keeps its form: saving says so and offers to restore it.
  if (company.isError && !(editing && company.data)) {
    if (errorCodeOf(company.error) === 'NOT_FOUND') return <RecordNotFound kind="company" />;
    return <ErrorState error={company.error} onRetry={() => void company.refetch()} />;
  }
  const data = company.data;

  return (
    <PeopleRecordPage
      kind="company"
      record={data}
      avatarClassName="avatar avatar--large avatar--square"
      title={
        <>
          {data.name}
          {data.isPrivate ? <PrivateBadge /> : null}
        </>
      }
      subtitle={[data.industry, data.address.city].filter(Boolean).join(' · ') || undefined}
      editing={editing !== null}
      onEdit={() => setEditing(data)}
      removing={remove.isPending}
      remove={remove.mutateAsync}
      restore={(input) => client.people.companies.restore.mutate(input)}
    >
      {editing ? <CompanyEditPanel base={editing} onDone={() => setEditing(null)} /> : <CompanyDetails company={data} />}
      <CustomerSalesPanel kind="company" id={data.id} name={data.name} />
      <CompanyContactsPanel companyId={data.id} companyName={data.name} />
      <TimelinePanel
        target={{ kind: 'company', id: data.id }}
        actions={<LogActivityButtons links={{ companyId: data.id }} recordName={data.name} shortcuts={editing === null} />}
      />
      <NotesPanel target={{ kind: 'company', id: data.id }} />
    </PeopleRecordPage>
  );
}
