import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/Link';
import { withQuery } from '../../../app/router';
import { useTRPC } from '../../../app/trpc';
import { LoadingState } from '../../../app/ui/LoadingState';
import { LifecycleBadge } from '../shared/LifecycleBadge';

/** The people who work at this company. */
export function CompanyContactsPanel({ companyId, companyName }: { companyId: number; companyName: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const contacts = useQuery(trpc.people.companies.contacts.queryOptions({ id: companyId }));
  return (
    <section className="card" aria-labelledby="company-contacts-title">
      <div className="card__header">
        <h2 id="company-contacts-title" className="card__title">
          {t('company.contacts')}
          {contacts.data && contacts.data.length > 0 ? <span className="card__count">{contacts.data.length}</span> : null}
        </h2>
        <Link className="button button--small" to={withQuery('/contacts/new', { companyId, companyName })}>
          {t('company.addContact')}
        </Link>
      </div>
      {contacts.isPending ? <LoadingState /> : null}
      {contacts.data && contacts.data.length === 0 ? <p className="muted">{t('company.noContacts')}</p> : null}
      {contacts.data && contacts.data.length > 0 ? (
        <ul className="people-list" aria-label={t('company.contacts')}>
          {contacts.data.map((contact) => (
            <li key={contact.id} className="people-list__item">
              <span className="avatar" aria-hidden="true">
                {contact.name.slice(0, 1)}
              </span>
              <span className="people-list__text">
                <Link to={`/contacts/${contact.id}`} className="people-list__name">
                  {contact.name}
                </Link>
                <span className="muted">{[contact.jobTitle, contact.primaryEmail ?? contact.primaryPhone].filter(Boolean).join(' · ')}</span>
              </span>
              <LifecycleBadge stage={contact.lifecycle} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
