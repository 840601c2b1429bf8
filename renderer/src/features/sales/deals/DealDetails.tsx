import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../../../db/contract/sales';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import { DetailItem } from '../../people/shared/DetailItem';
import { LinkedRecord } from '../../system/privacy/LinkedRecord';

export function DealDetails({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  return (
    <section className="card" aria-labelledby="deal-details-title">
      <h2 id="deal-details-title" className="card__title">
        {t('deals.details')}
      </h2>
      <dl className="details">
        <DetailItem label={t('deals.fields.contact')}><LinkedRecord to={`/contacts/${deal.contactId}`} id={deal.contactId} name={deal.contactName} /></DetailItem>
        <DetailItem label={t('deals.fields.company')}><LinkedRecord to={`/companies/${deal.companyId}`} id={deal.companyId} name={deal.companyName} /></DetailItem>
        <DetailItem label={t('deals.fields.amount')}>
          <span className="cell-tabular">{money(deal.amountMinor, deal.currency)}</span>
        </DetailItem>
        <DetailItem label={t('deals.weighted')}>
          <span className="cell-tabular">{money(deal.weightedMinor, deal.currency)}</span>
        </DetailItem>
        <DetailItem label={t('deals.fields.probability')}>
          {format.percent(deal.probability / 100)}{' '}
          <span className="muted">{deal.probabilityOverride === null ? t('deals.probabilityFromStage') : t('deals.probabilityOverridden')}</span>
        </DetailItem>
        <DetailItem label={t('deals.fields.expectedCloseDate')}>{deal.expectedCloseDate ? format.isoDate(deal.expectedCloseDate) : null}</DetailItem>
        <DetailItem label={t('deals.fields.owner')}>{deal.ownerName}</DetailItem>
        <DetailItem label={t('deals.fields.source')}>{deal.source ? t(`source.${deal.source}`) : null}</DetailItem>
        {deal.closedAt ? <DetailItem label={t('deals.closedAt')}>{format.dateTime(deal.closedAt)}</DetailItem> : null}
        {deal.lostReason ? (
          <DetailItem label={t('deals.lostReason')} wide>
            {deal.lostReason}
          </DetailItem>
        ) : null}
        <DetailItem label={t('deals.fields.description')} wide>
          {deal.description ? <p className="pre-wrap">{deal.description}</p> : null}
        </DetailItem>
        <DetailItem label={t('fields.createdAt')}>{format.dateTime(deal.createdAt)}</DetailItem>
        <DetailItem label={t('fields.updatedAt')}>{format.dateTime(deal.updatedAt)}</DetailItem>
      </dl>
    </section>
  );
}
