import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealRow } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { todayInputValue } from '../../../app/dates';
import { useFormatters } from '../../../app/use-formatters';
import { linkedNameText } from '../../system/privacy/LinkedRecord';

/** What a board card shows: title, customer, amount, expected close, owner; the card adds drag and "Move to…". */
export function DealCardContent({ deal, handle, footer }: { deal: DealRow; handle?: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const customer = [linkedNameText('contact', deal.contactId, deal.contactName, t), linkedNameText('company', deal.companyId, deal.companyName, t)].filter(Boolean).join(' · ');
  const overdue = deal.stageKind === 'open' && deal.expectedCloseDate !== null && deal.expectedCloseDate < todayInputValue();
  return (
    <>
      <div className="deal-card__top">
        {handle}
        <Link to={`/deals/${deal.id}`} className="deal-card__title">
          {deal.title}
        </Link>
      </div>
      {customer ? <p className="deal-card__customer">{customer}</p> : null}
      <p className="deal-card__numbers">
        <span className="deal-card__amount cell-tabular">{format.money(deal.amountMinor, deal.currency)}</span>
        {deal.expectedCloseDate ? (
          <span className={overdue ? 'deal-card__close deal-card__close--late' : 'deal-card__close'} title={t('deals.fields.expectedCloseDate')}>
            {format.isoDate(deal.expectedCloseDate)}
          </span>
        ) : null}
      </p>
      <div className="deal-card__footer">
        <span className="deal-card__owner">
          {deal.ownerName ? (
            <>
              <span className="avatar avatar--tiny" aria-hidden="true">
                {deal.ownerName.slice(0, 1)}
              </span>
              <span>{deal.ownerName}</span>
            </>
          ) : (
            <span className="muted">{t('deals.noOwner')}</span>
          )}
        </span>
        {footer}
      </div>
    </>
  );
}
