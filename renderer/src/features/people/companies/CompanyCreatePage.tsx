import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CompanyCreate } from '../../../../../db/contract/people';
import { navigate } from '../../../app/router';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { BackLink } from '../../../app/ui/BackLink';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EMPTY_COMPANY_FORM } from './company-form-values';
import { CompanyForm } from './CompanyForm';
import { useDocumentTitle } from '../../../app/use-document-title';

export function CompanyCreatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  useDocumentTitle(t('companies.new'));
  const info = useQuery(trpc.system.workspace.info.queryOptions());
  const initialValues = { ...EMPTY_COMPANY_FORM, ownerId: info.data?.currentUser ? String(info.data.currentUser.id) : '' };
  const create = useMutation({ ...trpc.people.companies.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });

  async function save(company: CompanyCreate) {
    const created = await create.mutateAsync(company);
    showToast({ tone: 'success', message: { key: 'company.created', values: { name: created.name } } });
    navigate(`/companies/${created.id}`, { replace: true });
  }

  return (
    <div className="record-page record-page--narrow">
      <BackLink to="/companies" label={t('nav.companies')} />
      <PageHeader title={t('companies.new')} />
      <section className="card">
        <CompanyForm initialValues={initialValues} submitLabel={t('companies.create')} onSubmit={save} onCancel={() => navigate('/companies')} autoFocus />
      </section>
    </div>
  );
}
