import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../../db/contract/people';
import { useFormatters } from '../../../app/use-formatters';
import { AddressText, hasAddress } from '../shared/AddressText';
import { DetailItem } from '../shared/DetailItem';

function safeWebsite(website: string): string | null {
  const url = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    return new URL(url).protocol.startsWith('http') ? url : null;
  } catch {
    return null;
  }
}

export function CompanyDetails({ company }: { company: Company }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const website = company.website ? safeWebsite(company.website) : null;
  return (
    <section className="card" aria-labelledby="company-details-title">
      <h2 id="company-details-title" className="card__title">
        {t('company.details')}
      </h2>
      <dl className="details">
        <DetailItem label={t('fields.industry')}>{company.industry}</DetailItem>
        <DetailItem label={t('fields.owner')}>{company.ownerName}</DetailItem>
        <DetailItem label={t('fields.website')}>
          {company.website ? (
            website ? (
              <a href={website} target="_blank" rel="noreferrer noopener">
                {company.website}
              </a>
            ) : (
              company.website
            )
          ) : null}
        </DetailItem>
        <DetailItem label={t('fields.email')}>{company.email ? <a href={`mailto:${company.email}`}>{company.email}</a> : null}</DetailItem>
        <DetailItem label={t('fields.phone')}>
          {company.phone ? (
            <a href={`tel:${company.phone.replace(/[^\d+]/g, '')}`} className="cell-tabular">
              {company.phone}
            </a>
          ) : null}
        </DetailItem>
        <DetailItem label={t('fields.address')} wide>
          {hasAddress(company.address) ? <AddressText address={company.address} /> : null}
        </DetailItem>
        <DetailItem label={t('fields.createdAt')}>{format.dateTime(company.createdAt)}</DetailItem>
        <DetailItem label={t('fields.updatedAt')}>{format.dateTime(company.updatedAt)}</DetailItem>
      </dl>
    </section>
  );
}
