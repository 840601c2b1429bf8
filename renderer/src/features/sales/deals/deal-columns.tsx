import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealRow } from '../../../../../db/contract/sales';
import { Link } from '../../../app/Link';
import { useFormatters } from '../../../app/use-formatters';
import { useMoney } from '../../../app/use-money';
import { StageBadge } from '../shared/StageBadge';
import { PrivateMark } from '../../system/privacy/PrivateMark';
import { HiddenRecordName, LinkedRecord, linkedNameText } from '../../system/privacy/LinkedRecord';

export const DEAL_COLUMN_IDS = ['title', 'customer', 'stage', 'amount', 'weighted', 'probability', 'expectedClose', 'owner', 'updatedAt'] as const;
export const DEFAULT_DEAL_COLUMNS: Record<string, boolean> = { weighted: false };

export function useDealColumns(): ColumnDef<DealRow, any>[] {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  return useMemo<ColumnDef<DealRow, any>[]>(
    () => [
      {
        id: 'title',
        header: t('deals.fields.title'),
        meta: { sortField: 'title', minWidth: 200, grow: 1.6, required: true },
        cell: ({ row }) => (
          <span className="cell-name">
            <Link to={`/deals/${row.original.id}`} className="cell-name__link" title={row.original.title} data-row-link>
              {row.original.title}
            </Link>
            <PrivateMark isPrivate={row.original.isPrivate} />
          </span>
        ),
      },
      {
        id: 'customer',
        header: t('deals.customer'),
        meta: { minWidth: 160, grow: 1.3 },
        cell: ({ row }) => {
          const deal = row.original;
          // The contact is linked with its company's name beside it; a private one shows as such.
          if (deal.contactId && deal.contactName !== null) {
            const customer = [deal.contactName, linkedNameText('company', deal.companyId, deal.companyName, t)].filter(Boolean).join(' · ');
            return (
              <Link to={`/contacts/${deal.contactId}`} className="cell-link" title={customer}>
                {customer}
              </Link>
            );
          }
          if (deal.companyId && deal.companyName !== null) return <LinkedRecord to={`/companies/${deal.companyId}`} id={deal.companyId} name={deal.companyName} className="cell-link" />;
          return deal.contactId || deal.companyId ? <HiddenRecordName /> : null;
        },
      },
      { id: 'stage', header: t('deals.fields.stage'), meta: { minWidth: 110, grow: 0.7 }, cell: ({ row }) => <StageBadge name={row.original.stageName} kind={row.original.stageKind} /> },
      {
        id: 'amount',
        header: t('deals.fields.amount'),
        meta: { sortField: 'amount', minWidth: 120, grow: 0.8 },
        cell: ({ row }) => <span className="cell-tabular">{money(row.original.amountMinor, row.original.currency)}</span>,
      },
      {
        id: 'weighted',
        header: t('deals.weighted'),
        meta: { minWidth: 120, grow: 0.8 },
        cell: ({ row }) => <span className="cell-tabular cell-muted">{money(row.original.weightedMinor, row.original.currency)}</span>,
      },
      { id: 'probability', header: t('deals.fields.probability'), meta: { minWidth: 100, grow: 0.4 }, cell: ({ row }) => <span className="cell-tabular">{format.percent(row.original.probability / 100)}</span> },
      {
        id: 'expectedClose',
        header: t('deals.fields.expectedCloseDate'),
        meta: { sortField: 'expectedClose', minWidth: 136, grow: 0.7 },
        cell: ({ row }) => (row.original.expectedCloseDate ? <span className="cell-muted">{format.isoDate(row.original.expectedCloseDate)}</span> : null),
      },
      { id: 'owner', header: t('deals.fields.owner'), meta: { minWidth: 90, grow: 0.5 }, cell: ({ row }) => row.original.ownerName },
      {
        id: 'updatedAt',
        header: t('fields.updatedAt'),
        meta: { sortField: 'updatedAt', minWidth: 110, grow: 0.6 },
        cell: ({ row }) => (
          <time className="cell-muted" dateTime={new Date(row.original.updatedAt).toISOString()} title={format.dateTime(row.original.updatedAt)}>
            {format.relative(row.original.updatedAt)}
          </time>
        ),
      },
    ],
    [t, format, money],
  );
}
