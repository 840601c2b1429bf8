import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../../db/contract/people';
import { useFormatters } from '../../../app/use-formatters';
import { AddressText, hasAddress } from '../shared/AddressText';
import { DetailItem } from '../shared/DetailItem';
import { LifecycleBadge } from '../shared/LifecycleBadge';
import { LinkedRecord } from '../../system/privacy/LinkedRecord';

export function ContactDetails({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const blocked = Object.entries(contact.doNotContact)
    .filter(([, value]) => value)
    .map(([channel]) => t(`doNotContact.${channel}`));
  return (
    <section className="card" aria-labelledby="contact-details-title">
      <h2 id="contact-details-title" className="card__title">
        {t('contact.details')}
      </h2>
      <dl className="details">
        <DetailItem label={t('fields.emails')}>
          {contact.emails.length > 0 ? (
            <ul className="plain-list">
              {contact.emails.map((email, index) => (
                <li key={`${email.value}-${index}`}>
                  <a href={`mailto:${email.value}`}>{email.value}</a> <span className="muted">{t(`channelLabel.${email.label}`)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </DetailItem>
        <DetailItem label={t('fields.phones')}>
          {contact.phones.length > 0 ? (
            <ul className="plain-list">
              {contact.phones.map((phone, index) => (
                <li key={`${phone.value}-${index}`}>
                  <a href={`tel:${phone.value.replace(/[^\d+]/g, '')}`} className="cell-tabular">
                    {phone.value}
                  </a>{' '}
                  <span className="muted">{t(`channelLabel.${phone.label}`)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </DetailItem>
        <DetailItem label={t('fields.company')}>
          <LinkedRecord to={`/companies/${contact.companyId}`} id={contact.companyId} name={contact.companyName} />
        </DetailItem>
        <DetailItem label={t('fields.jobTitle')}>{contact.jobTitle}</DetailItem>
        <DetailItem label={t('fields.lifecycle')}>
          <LifecycleBadge stage={contact.lifecycle} />
        </DetailItem>
        <DetailItem label={t('fields.owner')}>{contact.ownerName}</DetailItem>
        <DetailItem label={t('fields.source')}>{contact.source ? t(`source.${contact.source}`) : null}</DetailItem>
        <DetailItem label={t('fields.creditRating')}>{contact.creditRating ? t(`creditRating.${contact.creditRating}`) : null}</DetailItem>
        <DetailItem label={t('fields.birthday')}>{contact.birthday ? format.isoDate(contact.birthday) : null}</DetailItem>
        <DetailItem label={t('fields.vip')}>{t(contact.vip ? 'common.yes' : 'common.no')}</DetailItem>
        <DetailItem label={t('fields.address')} wide>
          {hasAddress(contact.address) ? <AddressText address={contact.address} /> : null}
        </DetailItem>
        <DetailItem label={t('fields.doNotContact')}>{blocked.length > 0 ? blocked.join(t('common.listSeparator')) : null}</DetailItem>
        <DetailItem label={t('fields.createdAt')}>{format.dateTime(contact.createdAt)}</DetailItem>
        <DetailItem label={t('fields.updatedAt')}>{format.dateTime(contact.updatedAt)}</DetailItem>
      </dl>
    </section>
  );
}
