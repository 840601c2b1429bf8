import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContactCreate } from '../../../../../db/contract/people';
import { navigate, useRoute } from '../../../app/router';
import { showToast } from '../../../app/toast-store';
import { useTRPC } from '../../../app/trpc';
import { BackLink } from '../../../app/ui/BackLink';
import { PageHeader } from '../../../app/ui/PageHeader';
import { EMPTY_CONTACT_FORM } from './contact-form-values';
import { ContactForm } from './ContactForm';
import { useDocumentTitle } from '../../../app/use-document-title';

export function ContactCreatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  useDocumentTitle(t('contacts.new'));
  const { query } = useRoute();
  // The workspace info is already cached by the app shell; new contacts belong to whoever creates them.
  const info = useQuery(trpc.system.workspace.info.queryOptions());
  const companyId = Number(query.get('companyId'));
  const initialValues = {
    ...EMPTY_CONTACT_FORM,
    ownerId: info.data?.currentUser ? String(info.data.currentUser.id) : '',
    company: Number.isSafeInteger(companyId) && companyId > 0 ? { id: companyId, name: query.get('companyName') ?? `#${companyId}` } : null,
  };
  const create = useMutation({ ...trpc.people.contacts.create.mutationOptions(), meta: { handledErrors: ['VALIDATION'] } });

  async function save(contact: ContactCreate) {
    const created = await create.mutateAsync(contact);
    showToast({ tone: 'success', message: { key: 'contact.created', values: { name: created.name } } });
    navigate(`/contacts/${created.id}`, { replace: true });
  }

  return (
    <div className="record-page record-page--narrow">
      <BackLink to="/contacts" label={t('nav.contacts')} />
      <PageHeader title={t('contacts.new')} />
      <section className="card">
        <ContactForm initialValues={initialValues} submitLabel={t('contacts.create')} onSubmit={save} onCancel={() => navigate('/contacts')} />
      </section>
    </div>
  );
}
